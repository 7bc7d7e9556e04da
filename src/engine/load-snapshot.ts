import type { Article } from "../corpus/article.ts";
import type { Logger } from "../log/logger.ts";
import type { Bm25Postings } from "../search/bm25-postings.ts";
import type { ArticleAnalysis } from "./article-analysis.ts";
import { bm25Builder } from "./bm25-builder.ts";
import { buildSnapshot, type CorpusSnapshot } from "./corpus-snapshot.ts";
import { readSnapshotFile } from "./read-snapshot-file.ts";
import { corpusKey } from "./snapshot-file.ts";
import { writeSnapshotFile } from "./write-snapshot-file.ts";

export interface LoadedSnapshot {
  snapshot: CorpusSnapshot;
  /** Read from the file (true), or built now (false). */
  fromFile: boolean;
  /** Writes a snapshot built now to the file (a failure is logged, never thrown). */
  save(): Promise<void>;
}

/**
 * The first snapshot of a start, with the bm25 index: read from `file` when it was saved
 * from exactly these articles by this code (see snapshot-file.ts), else built with
 * `analyze` (the corpus cache's analyses) and saved by `save()` for the next start.
 */
export async function loadSnapshot(
  articles: readonly Article[],
  options: {
    file: string;
    /** snapshotFingerprint(): started early, it reads the sources while the corpus loads. */
    fingerprint: Promise<string>;
    analyze: (article: Article) => ArticleAnalysis;
    /** Called before a build, with every article: `analyze` may then answer from what it made. */
    prepare?: (articles: readonly Article[]) => Promise<void>;
    logger: Logger;
  },
): Promise<LoadedSnapshot> {
  const { file, logger } = options;
  const fingerprint = await options.fingerprint;
  const key = corpusKey(articles);
  const read = await readSnapshotFile(file, articles, fingerprint, key, logger);
  if (read) return { snapshot: read, fromFile: true, save: async () => {} };
  // Analysis ahead (on a worker thread) only saves time: if it fails, `analyze` does the
  // work here, as it always could.
  await options.prepare?.(articles).catch((error: unknown) => {
    logger.warn({ err: error }, "articles analysed on this thread: analysing ahead failed");
  });
  let postings: Bm25Postings | undefined;
  const snapshot = buildSnapshot(
    articles,
    bm25Builder((built) => {
      postings = built;
    }),
    options.analyze,
  );
  return {
    snapshot,
    fromFile: false,
    async save() {
      try {
        await writeSnapshotFile(file, snapshot, postings!, fingerprint, key);
      } catch (error) {
        logger.warn({ err: error, file }, "corpus snapshot not saved; the next start builds it");
      }
    },
  };
}
