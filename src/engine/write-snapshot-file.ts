import { randomUUID } from "node:crypto";
import { mkdir, open as openFile, rename, rm } from "node:fs/promises";
import { endianness } from "node:os";
import { dirname } from "node:path";
import type { Bm25Postings } from "../search/bm25-postings.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import { directoryParts } from "./directory-of.ts";
import { PASSAGE_FIELDS, putPassage } from "./passage-numbers.ts";
import {
  type ArrayKind,
  aligned,
  type Header,
  MAGIC,
  type Section,
  SNAPSHOT_FILE_VERSION,
} from "./snapshot-file.ts";

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
    putPassage(numbers, i, p);
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
