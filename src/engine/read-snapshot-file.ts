import { type FileHandle, open as openFile } from "node:fs/promises";
import { endianness } from "node:os";
import type { Article } from "../corpus/article.ts";
import type { Logger } from "../log/logger.ts";
import { bm25IndexFromPostings, SEARCH_INDEX_WEIGHTS } from "../search/bm25-index.ts";
import type { Bm25Postings } from "../search/bm25-postings.ts";
import type { CorpusSnapshot, Passage } from "./corpus-snapshot.ts";
import { directoryOf } from "./directory-of.ts";
import { passageAt } from "./passage-numbers.ts";
import {
  ARRAY_TYPES,
  type ArrayKind,
  aligned,
  type Header,
  MAGIC,
  SNAPSHOT_FILE_VERSION,
} from "./snapshot-file.ts";
import type { SpeakerEntry } from "./speaker-directory.ts";

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
      const role = roleOf[id]!;
      const cue = cueOf[id]!;
      passages[id] = passageAt(
        numbers,
        id,
        id,
        role < 0 ? null : roles[role]!,
        cue < 0 ? null : cues[cue]!,
      );
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
