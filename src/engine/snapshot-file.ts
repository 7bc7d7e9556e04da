import { createHash } from "node:crypto";
import type { Article } from "../corpus/article.ts";
import { sourcesFingerprint } from "./corpus-cache.ts";

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

export const MAGIC = "newsquote-snapshot\n";
/** What the snapshot is built by: analysis, directory, passages, postings. */
const SNAPSHOT_SOURCES = ["../text", "../speakers", "../search", "../engine"];
const ALIGN = 8;

export type ArrayKind = "u8" | "u32" | "i32" | "f32";
export type Section = { name: string; kind: ArrayKind | "json"; offset: number; bytes: number };

export interface Header {
  version: number;
  fingerprint: string;
  corpus: string;
  byteOrder: string;
  postingsSize: number;
  longestAlias: number;
  sections: Section[];
}

export const ARRAY_TYPES = {
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

/** Where a section may start: every one is 8-byte aligned. */
export function aligned(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
