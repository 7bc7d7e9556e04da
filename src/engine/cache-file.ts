import { readFileSync } from "node:fs";
import { open as openFile, readFile } from "node:fs/promises";
import type { Logger } from "../log/logger.ts";
import { type ArticleAnalysis, packAnalysis } from "./article-analysis.ts";

/**
 * The corpus cache's file format (corpus-cache.ts): one JSON object, written as ASCII and
 * entry by entry, read in one piece.
 */

/** Bump when the shape of the file or of ArticleAnalysis changes. */
export const CORPUS_CACHE_VERSION = 4;

/**
 * One of the two cache files: the parsed article files in `corpus-<id>.json`, and the
 * analyses in `corpus-<id>.analyses.json`, read only when an article is analysed (a
 * restart that reads its snapshot file never does: see snapshot-file.ts).
 */
export interface CacheFile<T> {
  version: number;
  fingerprint: string;
  entries: Record<string, T>;
}

/**
 * JSON with every non-ASCII character escaped: the file then reads as one-byte text,
 * which Node decodes and V8 parses several times faster than UTF-8 with curly quotes.
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  // V8 keeps the last string a regular expression matched on (RegExp.input): match an
  // empty one, or the whole cache text (160 MB at 10,000 articles) stays in memory.
  /^/.test("");
  return json;
}

export function cacheFileStart(fingerprint: string): string {
  return `{"version":${CORPUS_CACHE_VERSION},"fingerprint":${asciiJson(fingerprint)},"entries":{`;
}

/** Characters written at a time: the whole file as one string was 160 MB, twice over. */
export const WRITE_CHUNK = 1 << 20;

/**
 * Writes a cache file entry by entry, with the same content as one JSON.stringify of the
 * CacheFile: a first start's memory peak no longer holds the file's text (and its escaped
 * copy) beside everything it analysed.
 */
export async function writeCacheFile(
  path: string,
  fingerprint: string,
  entries: readonly (readonly [string, object | ArticleAnalysis])[],
): Promise<void> {
  const handle = await openFile(path, "w");
  try {
    let pending = "";
    const put = async (text: string) => {
      pending += text;
      if (pending.length >= WRITE_CHUNK) {
        await handle.write(pending, null, "latin1");
        pending = "";
      }
    };
    await put(cacheFileStart(fingerprint));
    for (let i = 0; i < entries.length; i++) {
      const [key, entry] = entries[i]!;
      const stored = "wordKeys" in entry ? packAnalysis(entry) : entry;
      await put(`${i > 0 ? "," : ""}${asciiJson(key)}:${asciiJson(stored)}`);
    }
    await put("}}");
    await handle.write(pending, null, "latin1");
  } finally {
    await handle.close();
  }
}

export async function readCacheFile<T>(
  file: string,
  fingerprinting: Promise<string>,
  logger: Logger,
): Promise<Record<string, T> | undefined> {
  let text: string;
  try {
    // Written as ASCII (see asciiJson): latin1 is the cheapest exact decoding.
    text = await readFile(file, "latin1");
  } catch {
    return undefined;
  }
  return parseCacheFile<T>(file, text, await fingerprinting, logger);
}

export function readCacheFileSync<T>(
  file: string,
  fingerprint: string,
  logger: Logger,
): Record<string, T> | undefined {
  let text: string;
  try {
    text = readFileSync(file, "latin1");
  } catch {
    return undefined;
  }
  return parseCacheFile<T>(file, text, fingerprint, logger);
}

function parseCacheFile<T>(
  file: string,
  text: string,
  fingerprint: string,
  logger: Logger,
): Record<string, T> | undefined {
  try {
    const content = JSON.parse(text) as CacheFile<T>;
    if (content.version === CORPUS_CACHE_VERSION && content.fingerprint === fingerprint) {
      return content.entries;
    }
    logger.info({ file }, "corpus cache made by other code; rebuilding it");
  } catch (error) {
    logger.warn({ err: error, file }, "corpus cache unreadable; rebuilding it");
  }
  return undefined;
}
