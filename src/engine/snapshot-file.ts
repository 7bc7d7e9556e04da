import { createHash, randomUUID } from "node:crypto";
import { type FileHandle, mkdir, open as openFile, rename, rm } from "node:fs/promises";
import { endianness } from "node:os";
import { dirname } from "node:path";
import type { Article } from "../corpus/article.ts";
import type { Logger } from "../log/logger.ts";
import { bm25IndexFromPostings, SEARCH_INDEX_WEIGHTS } from "../search/bm25-index.ts";
import type { Bm25Postings } from "../search/bm25-postings.ts";
import { sourcesFingerprint } from "./corpus-cache.ts";
import type { CorpusSnapshot, Passage } from "./corpus-snapshot.ts";
import { directoryOf, directoryParts, type SpeakerEntry } from "./speaker-directory.ts";

/**
 * A built snapshot (bm25 index) kept in DATA_DIR next to the corpus cache, so a restart
 * reads it instead of building it: the postings as the typed arrays they are, the speaker
 * directory, passages and word keys. At 10,000 articles building them is several seconds
 * of a restart; reading them is a fraction of one.
 *
 * It is trusted only for the very articles it was built from (a hash of every article,
 * metadata and paragraphs, in order) and the code that built it (a hash of the engine's,
 * search's and analysis' sources): anything else, or an unreadable file, and the snapshot
 * is built as before. Deleting the file is always safe.
 *
 * Layout: a magic line, the header's length (uint32), the header (JSON: what it was built
 * from, and where each section lies), then the sections, each 8-byte aligned: typed arrays
 * as their bytes (this machine's byte order, recorded in the header), the rest as JSON.
 */
export const SNAPSHOT_FILE_VERSION = 1;

const MAGIC = "newsquote-snapshot\n";
/** What the snapshot is built by: analysis, directory, passages, postings. */
const SNAPSHOT_SOURCES = ["../text", "../speakers", "../search", "../engine"];
const PASSAGE_FIELDS = 6;
const ALIGN = 8;

type ArrayKind = "u8" | "u32" | "i32" | "f32";
type Section = { name: string; kind: ArrayKind | "json"; offset: number; bytes: number };

interface Header {
  version: number;
  fingerprint: string;
  corpus: string;
  byteOrder: string;
  postingsSize: number;
  longestAlias: number;
  sections: Section[];
}

const ARRAY_TYPES = {
  u8: Uint8Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
} as const;

/** The snapshot file beside a corpus cache file. */
export function snapshotFileOf(cacheFile: string): string {
  return `${cacheFile.replace(/\.json$/, "")}.snapshot`;
}

/** A hash of the code a snapshot is built by: another build of the bot, another hash. */
export function snapshotFingerprint(): Promise<string> {
  // Without the sources (a bundled build) there is nothing to tell one build from another:
  // a fresh salt makes every start build its own snapshot.
  return sourcesFingerprint(`snapshot v${SNAPSHOT_FILE_VERSION}`, SNAPSHOT_SOURCES, () =>
    String(Math.random()),
  );
}

/** A hash of everything about the articles, in order, that a snapshot holds or derives from. */
export function corpusKey(articles: readonly Article[]): string {
  const hash = createHash("sha256");
  for (const a of articles) {
    hash.update(JSON.stringify([a.id, a.title, a.publisher, a.url, a.published, a.language]));
    hash.update(`\u0000${a.paragraphs.length}`);
    // Length-prefixed: no character inside a paragraph can fake a boundary.
    for (const p of a.paragraphs) hash.update(`\u0000${p.length}\u0000`).update(p);
  }
  return hash.digest("base64url");
}

/** One typed array or JSON value to write, with the bytes it takes. */
type Pending = { name: string; kind: Section["kind"]; data: Uint8Array };

function typed(name: string, kind: ArrayKind, array: ArrayBufferView): Pending {
  return { name, kind, data: new Uint8Array(array.buffer, array.byteOffset, array.byteLength) };
}

function json(name: string, value: unknown): Pending {
  return { name, kind: "json", data: Buffer.from(JSON.stringify(value), "utf8") };
}

/**
 * Writes `snapshot` (whose index was made from `postings`) to `file`, through a temporary
 * file renamed over it, so a reader never sees half a snapshot.
 */
export async function writeSnapshotFile(
  file: string,
  snapshot: CorpusSnapshot,
  postings: Bm25Postings,
  fingerprint: string,
  corpus: string,
): Promise<void> {
  const { passages } = snapshot;
  const numbers = new Int32Array(passages.length * PASSAGE_FIELDS);
  const roleOf = new Int32Array(passages.length);
  const cueOf = new Int32Array(passages.length);
  // Roles and cues repeat: each distinct one is stored once, passages name it by number.
  const roles = new Map<string, number>();
  const cues = new Map<string, number>();
  const number = (table: Map<string, number>, value: string | null) => {
    if (value === null) return -1;
    let n = table.get(value);
    if (n === undefined) {
      n = table.size;
      table.set(value, n);
    }
    return n;
  };
  passages.forEach((p, i) => {
    numbers.set([p.article, p.paragraph, p.sentence, p.start, p.end, p.speaker], i * 6);
    roleOf[i] = number(roles, p.role);
    cueOf[i] = number(cues, p.cue);
  });
  const { all, local, aliasIndex, longestAlias } = directoryParts(snapshot.speakers);
  const pending: Pending[] = [
    typed("passages", "i32", numbers),
    typed("roleOf", "i32", roleOf),
    typed("cueOf", "i32", cueOf),
    json("roles", [...roles.keys()]),
    json("cues", [...cues.keys()]),
    json("speakers", all),
    json("localKeys", [...local.keys()]),
    typed("localIds", "i32", Int32Array.from(local.values())),
    json("aliases", [...aliasIndex]),
    json("wordKeys", [...snapshot.wordKeys]),
    // Term ids are dense and given in first-seen order: the list in that order is the map.
    json("terms", [...postings.termIds.keys()]),
    typed("offsets", "u32", postings.offsets),
    typed("docs", "u32", postings.docs),
    typed("tfText", "u8", postings.tfText),
    typed("tfContext", "u8", postings.tfContext),
    typed("dfText", "u32", postings.dfText),
    typed("dfContext", "u32", postings.dfContext),
    typed("lengthText", "f32", postings.lengthText),
    typed("lengthContext", "f32", postings.lengthContext),
    typed("docOf", "u32", postings.docOf),
  ];
  const sections: Section[] = [];
  let offset = 0;
  for (const { name, kind, data } of pending) {
    sections.push({ name, kind, offset, bytes: data.byteLength });
    offset = aligned(offset + data.byteLength);
  }
  const header: Header = {
    version: SNAPSHOT_FILE_VERSION,
    fingerprint,
    corpus,
    byteOrder: endianness(),
    postingsSize: postings.size,
    longestAlias,
    sections,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.byteLength);
  const start = aligned(MAGIC.length + 4 + headerBytes.byteLength);

  // Unique per writer: a refresh's worker may write while an earlier one still does.
  const temporary = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  const handle = await openFile(temporary, "w");
  try {
    await handle.write(Buffer.concat([Buffer.from(MAGIC, "latin1"), length, headerBytes]), 0);
    for (const [i, { data }] of pending.entries())
      await handle.write(data, 0, data.byteLength, start + sections[i]!.offset);
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

function aligned(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

/**
 * The snapshot of `articles` from `file`, if it was built from exactly these articles by
 * this code; undefined otherwise (absent, stale or unreadable: the reason is logged).
 */
export async function readSnapshotFile(
  file: string,
  articles: readonly Article[],
  fingerprint: string,
  corpus: string,
  logger: Logger,
): Promise<CorpusSnapshot | undefined> {
  let handle: FileHandle;
  try {
    handle = await openFile(file, "r");
  } catch {
    return undefined;
  }
  try {
    const head = await readBytes(handle, 0, MAGIC.length + 4);
    if (head.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new Error("not a snapshot file");
    const headerLength = head.readUInt32LE(MAGIC.length);
    const header = JSON.parse(
      (await readBytes(handle, MAGIC.length + 4, headerLength)).toString("utf8"),
    ) as Header;
    const start = aligned(MAGIC.length + 4 + headerLength);
    if (
      header.version !== SNAPSHOT_FILE_VERSION ||
      header.fingerprint !== fingerprint ||
      header.byteOrder !== endianness()
    ) {
      logger.info({ file }, "corpus snapshot made by other code; building it");
      return undefined;
    }
    if (header.corpus !== corpus) {
      logger.info({ file }, "corpus changed since the snapshot was saved; building it");
      return undefined;
    }
    const sections = new Map(header.sections.map((s) => [s.name, s]));
    const section = (name: string) => {
      const s = sections.get(name);
      if (!s) throw new Error(`snapshot section ${name} missing`);
      return s;
    };
    const array = async <K extends ArrayKind>(name: string, kind: K) => {
      const s = section(name);
      const Type = ARRAY_TYPES[kind];
      if (s.kind !== kind || s.bytes % Type.BYTES_PER_ELEMENT !== 0)
        throw new Error(`snapshot section ${name} is not ${kind}`);
      // Each array gets its own memory: nothing else of the file stays alive with it.
      const out = new Type(s.bytes / Type.BYTES_PER_ELEMENT) as InstanceType<
        (typeof ARRAY_TYPES)[K]
      >;
      await readInto(handle, new Uint8Array(out.buffer), start + s.offset);
      return out;
    };
    const parsed = async <T>(name: string): Promise<T> => {
      const s = section(name);
      return JSON.parse((await readBytes(handle, start + s.offset, s.bytes)).toString("utf8")) as T;
    };

    const numbers = await array("passages", "i32");
    const roleOf = await array("roleOf", "i32");
    const cueOf = await array("cueOf", "i32");
    const roles = await parsed<string[]>("roles");
    const cues = await parsed<string[]>("cues");
    const passages: Passage[] = new Array(roleOf.length);
    for (let id = 0; id < roleOf.length; id++) {
      const at = id * PASSAGE_FIELDS;
      const role = roleOf[id]!;
      const cue = cueOf[id]!;
      passages[id] = {
        id,
        article: numbers[at]!,
        paragraph: numbers[at + 1]!,
        sentence: numbers[at + 2]!,
        start: numbers[at + 3]!,
        end: numbers[at + 4]!,
        speaker: numbers[at + 5]!,
        role: role < 0 ? null : roles[role]!,
        cue: cue < 0 ? null : cues[cue]!,
      };
    }
    const paragraphPassages = paragraphsOf(articles, passages);

    const all = await parsed<SpeakerEntry[]>("speakers");
    const localKeys = await parsed<string[]>("localKeys");
    const localIds = await array("localIds", "i32");
    const local = new Map<string, number>();
    for (let i = 0; i < localKeys.length; i++) local.set(localKeys[i]!, localIds[i]!);
    const aliasIndex = new Map(await parsed<[string, number[]][]>("aliases"));
    const wordKeys = new Set(await parsed<string[]>("wordKeys"));
    const terms = await parsed<string[]>("terms");
    const termIds = new Map<string, number>();
    for (let i = 0; i < terms.length; i++) termIds.set(terms[i]!, i);
    const postings: Bm25Postings = {
      size: header.postingsSize,
      termIds,
      offsets: await array("offsets", "u32"),
      docs: await array("docs", "u32"),
      tfText: await array("tfText", "u8"),
      tfContext: await array("tfContext", "u8"),
      dfText: await array("dfText", "u32"),
      dfContext: await array("dfContext", "u32"),
      lengthText: await array("lengthText", "f32"),
      lengthContext: await array("lengthContext", "f32"),
      docOf: await array("docOf", "u32"),
    };
    if (postings.size !== passages.length || postings.docOf.length !== passages.length)
      throw new Error("snapshot index and passages disagree");
    return {
      articles,
      passages,
      speakers: directoryOf(all, local, aliasIndex, header.longestAlias),
      index: bm25IndexFromPostings(postings, SEARCH_INDEX_WEIGHTS),
      wordKeys,
      paragraphPassages,
    };
  } catch (error) {
    logger.warn({ err: error, file }, "corpus snapshot unreadable; building it");
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Every paragraph's passages, empty paragraphs included, as buildSnapshot lists them. */
function paragraphsOf(
  articles: readonly Article[],
  passages: readonly Passage[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let next = 0;
  articles.forEach((article, a) => {
    for (let p = 1; p <= article.paragraphs.length; p++) {
      const ids: number[] = [];
      while (
        next < passages.length &&
        passages[next]!.article === a &&
        passages[next]!.paragraph === p
      )
        ids.push(next++);
      out.set(`${a}:${p}`, ids);
    }
  });
  if (next !== passages.length) throw new Error("snapshot passages do not fit the articles");
  return out;
}

async function readBytes(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  await readInto(handle, buffer, position);
  return buffer;
}

async function readInto(handle: FileHandle, into: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < into.byteLength) {
    const { bytesRead } = await handle.read(into, done, into.byteLength - done, position + done);
    if (bytesRead === 0) throw new Error("snapshot file ends early");
    done += bytesRead;
  }
}
