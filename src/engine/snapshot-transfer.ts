import type { TransferListItem } from "node:worker_threads";
import type { Article } from "../corpus/article.ts";
import { bm25IndexFromPostings, SEARCH_INDEX_WEIGHTS } from "../search/bm25-index.ts";
import type { Bm25Postings } from "../search/bm25-postings.ts";
import type { CorpusSnapshot, Passage } from "./corpus-snapshot.ts";
import { directoryOf, directoryParts } from "./directory-of.ts";
import { PASSAGE_FIELDS, passageAt, putPassage } from "./passage-numbers.ts";
import type { SpeakerEntry } from "./speaker-directory.ts";

/**
 * A snapshot built in a worker thread travels to the main thread in parts small enough
 * that receiving any one of them (structured-clone decoding, then turning it into the
 * engine's objects) takes a few milliseconds: the main thread answers questions between
 * parts. Typed arrays (the postings, the passages' numbers) are transferred, not copied.
 */
export type SnapshotPart =
  | {
      kind: "passages";
      /** article, paragraph, sentence, start, end, speaker of each passage, in a row. */
      numbers: Int32Array;
      roles: (string | null)[];
      cues: (string | null)[];
    }
  | { kind: "speakers"; json: string }
  | { kind: "local"; keys: string[]; ids: Int32Array }
  | { kind: "aliases"; json: string }
  | { kind: "wordKeys"; keys: string[] }
  | { kind: "terms"; terms: string[] }
  | { kind: "postings"; postings: Omit<Bm25Postings, "termIds"> }
  | { kind: "done"; longestAlias: number };

/** Rows or strings a part carries: about 2–5 ms to receive on a busy machine. */
const CHUNK = 5000;

function* chunks<T>(items: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The parts of `snapshot`, with what each transfers; `postings` are its bm25 index's. */
export function* snapshotParts(
  snapshot: CorpusSnapshot,
  postings: Bm25Postings,
): Generator<[SnapshotPart, TransferListItem[]]> {
  for (const rows of chunks(snapshot.passages)) {
    const numbers = new Int32Array(rows.length * PASSAGE_FIELDS);
    for (const [i, p] of rows.entries()) putPassage(numbers, i, p);
    const part: SnapshotPart = {
      kind: "passages",
      numbers,
      roles: rows.map((p) => p.role),
      cues: rows.map((p) => p.cue),
    };
    yield [part, [numbers.buffer as ArrayBuffer]];
  }
  const { all, local, aliasIndex, longestAlias } = directoryParts(snapshot.speakers);
  for (const entries of chunks(all, 1000))
    yield [{ kind: "speakers", json: JSON.stringify(entries) }, []];
  for (const rows of chunks([...local])) {
    const ids = Int32Array.from(rows, ([, id]) => id);
    yield [{ kind: "local", keys: rows.map(([key]) => key), ids }, [ids.buffer as ArrayBuffer]];
  }
  for (const rows of chunks([...aliasIndex]))
    yield [{ kind: "aliases", json: JSON.stringify(rows) }, []];
  for (const keys of chunks([...snapshot.wordKeys])) yield [{ kind: "wordKeys", keys }, []];
  // Term ids are dense and given in first-seen order: the list in that order is the map.
  for (const terms of chunks([...postings.termIds.keys()])) yield [{ kind: "terms", terms }, []];
  const { termIds: _, ...arrays } = postings;
  const buffers = Object.values(arrays)
    .filter((v): v is Uint32Array => ArrayBuffer.isView(v))
    .map((v) => v.buffer as ArrayBuffer);
  yield [{ kind: "postings", postings: arrays }, buffers];
  yield [{ kind: "done", longestAlias }, []];
}

/** Puts a snapshot back together on the receiving side, one part at a time. */
export class SnapshotAssembler {
  private readonly passages: Passage[] = [];
  private readonly paragraphPassages = new Map<string, number[]>();
  private readonly entries: SpeakerEntry[] = [];
  private readonly local = new Map<string, number>();
  private readonly aliasIndex = new Map<string, readonly number[]>();
  private readonly wordKeys = new Set<string>();
  private readonly termIds = new Map<string, number>();
  private postings: Omit<Bm25Postings, "termIds"> | null = null;
  private longestAlias = -1;

  constructor(private readonly articles: readonly Article[]) {}

  /** Takes one part; true once the last has come. */
  accept(part: SnapshotPart): boolean {
    switch (part.kind) {
      case "passages": {
        const { numbers, roles, cues } = part;
        for (let i = 0; i < roles.length; i++) {
          const id = this.passages.length;
          const passage = passageAt(numbers, i, id, roles[i]!, cues[i]!);
          this.passages.push(passage);
          const key = `${passage.article}:${passage.paragraph}`;
          const ids = this.paragraphPassages.get(key);
          if (ids) ids.push(id);
          else this.paragraphPassages.set(key, [id]);
        }
        return false;
      }
      case "speakers":
        for (const e of JSON.parse(part.json) as SpeakerEntry[]) this.entries.push(e);
        return false;
      case "local":
        for (let i = 0; i < part.keys.length; i++) this.local.set(part.keys[i]!, part.ids[i]!);
        return false;
      case "aliases":
        for (const [key, ids] of JSON.parse(part.json) as [string, number[]][])
          this.aliasIndex.set(key, ids);
        return false;
      case "wordKeys":
        for (const key of part.keys) this.wordKeys.add(key);
        return false;
      case "terms":
        for (const term of part.terms) this.termIds.set(term, this.termIds.size);
        return false;
      case "postings":
        this.postings = part.postings;
        return false;
      case "done":
        this.longestAlias = part.longestAlias;
        return true;
    }
  }

  /** The snapshot, once every part has come. */
  snapshot(): CorpusSnapshot {
    if (!this.postings || this.longestAlias < 0) throw new Error("snapshot parts missing");
    return {
      articles: this.articles,
      passages: this.passages,
      speakers: directoryOf(this.entries, this.local, this.aliasIndex, this.longestAlias),
      index: bm25IndexFromPostings(
        { ...this.postings, termIds: this.termIds },
        SEARCH_INDEX_WEIGHTS,
      ),
      wordKeys: this.wordKeys,
      paragraphPassages: this.paragraphPassages,
    };
  }
}
