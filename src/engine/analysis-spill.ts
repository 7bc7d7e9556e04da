import { randomUUID } from "node:crypto";
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "../log/logger.ts";
import { type ArticleAnalysis, packAnalysis } from "./article-analysis.ts";
import { asciiJson, cacheFileStart, WRITE_CHUNK } from "./cache-file.ts";

/**
 * The analyses file, written while articles are analysed: each new analysis goes to disk
 * as it is made, so a first start does not hold every article's analysis for the cache
 * until the end (at 10,000 articles, 140 MB of its peak). A write that fails is logged
 * once; from then on analyses are held and saved as before (`add` returns false).
 */
export function analysisSpill(path: string, fingerprint: string, logger: Logger) {
  // Unique per writer: a refresh's worker may write while another one still does.
  const temporary = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  const keys = new Set<string>();
  let fd: number | null = null;
  let failed = false;
  const fail = (error: unknown) => {
    failed = true;
    logger.warn({ err: error, file: path }, "corpus cache not saved; the next start rebuilds it");
    try {
      if (fd !== null) closeSync(fd);
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there after all.
    }
    fd = null;
  };
  return {
    get size() {
      return failed ? 0 : keys.size;
    },
    has: (key: string) => keys.has(key),
    add(key: string, analysis: ArticleAnalysis): boolean {
      if (failed) return false;
      try {
        if (fd === null) {
          mkdirSync(dirname(path), { recursive: true });
          fd = openSync(temporary, "w");
          writeSync(fd, cacheFileStart(fingerprint), null, "latin1");
        }
        const entry = `${asciiJson(key)}:${asciiJson(packAnalysis(analysis))}`;
        writeSync(fd, `${keys.size > 0 ? "," : ""}${entry}`, null, "latin1");
        keys.add(key);
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    /** Adds the analyses read from the old file, and puts the file in place. */
    async finish(more: readonly (readonly [string, ArticleAnalysis])[]): Promise<void> {
      if (fd === null) return;
      try {
        let pending = "";
        for (const [key, analysis] of more) {
          pending += `,${asciiJson(key)}:${asciiJson(packAnalysis(analysis))}`;
          if (pending.length >= WRITE_CHUNK) {
            writeSync(fd, pending, null, "latin1");
            pending = "";
          }
        }
        writeSync(fd, `${pending}}}`, null, "latin1");
        closeSync(fd);
        fd = null;
        await rename(temporary, path);
      } catch (error) {
        fail(error);
      }
    },
    async abandon(): Promise<void> {
      if (fd !== null) closeSync(fd);
      fd = null;
      await rm(temporary, { force: true }).catch(() => {});
    },
  };
}
