import { dirname } from "node:path";
import type { EngineConfig } from "../config/engine-config.ts";
import type { Article } from "../corpus/article.ts";
import { loadCorpus } from "../corpus/load-corpus.ts";
import { logCorpusProblems } from "../corpus/log-corpus-problems.ts";
import { loadAllArticles } from "../corpus-admin/load-all-articles.ts";
import type { Logger } from "../log/logger.ts";
import { DEFAULT_SEARCH_INDEX, SEARCH_INDEXES } from "../search/search-indexes.ts";
import type { CorpusStore } from "../store/corpus-store.ts";
import { analyzeInWorkers } from "./analyze-in-workers.ts";
import { analyzeArticle, type PackedAnalysis, packAnalysis } from "./article-analysis.ts";
import { buildSnapshotInWorker } from "./build-snapshot-in-worker.ts";
import { corpusCacheFile, openCorpusCache } from "./corpus-cache.ts";
import { createEngine, type EngineOptions } from "./create-engine.ts";
import type { Engine } from "./engine.ts";
import { loadSnapshot } from "./load-snapshot.ts";
import { removeLeftovers } from "./remove-leftovers.ts";
import { snapshotFileOf, snapshotFingerprint } from "./snapshot-file.ts";
import { withListings } from "./with-listings.ts";

/** Articles to analyse below which worker threads cost more to start than they save. */
const IN_WORKERS_FROM = 100;

/**
 * Analyses for a first build: on worker threads when there are many (analyze-in-workers.ts
 * says why), here when there are few.
 */
export function analyzeAhead(articles: readonly Article[]): Promise<PackedAnalysis[]> {
  return articles.length >= IN_WORKERS_FROM
    ? analyzeInWorkers(articles)
    : Promise.resolve(articles.map((article) => packAnalysis(analyzeArticle(article))));
}

/**
 * The engine over the configured corpus folder, plus the articles moderators added when
 * a `store` is given. Bad files are logged with their path and skipped; a missing or
 * empty corpus throws an AppError that says how to fix it. With DATA_DIR set, parsed
 * articles and their analysis are cached there between starts (see corpus-cache.ts).
 */
export async function loadEngine(
  config: Pick<EngineConfig, "CORPUS_DIR" | "MAX_QUOTES" | "MAX_QUESTION_LENGTH"> &
    Partial<Pick<EngineConfig, "SEARCH_INDEX" | "DATA_DIR">>,
  logger: Logger,
  extra: Omit<EngineOptions, "articles" | "logger" | "maxQuotes" | "maxQuestionLength"> = {},
  store?: CorpusStore,
): Promise<Engine> {
  const cacheFile = config.DATA_DIR ? corpusCacheFile(config.DATA_DIR, config.CORPUS_DIR) : null;
  const indexName = config.SEARCH_INDEX ?? DEFAULT_SEARCH_INDEX;
  // With the bm25 index the built snapshot is kept too, and a restart reads it.
  const snapshotFile =
    cacheFile && indexName === "bm25" && !extra.indexFactory ? snapshotFileOf(cacheFile) : null;
  const fingerprint = snapshotFile ? snapshotFingerprint() : null;
  if (cacheFile) await removeLeftovers(dirname(cacheFile), logger);
  const cache = cacheFile ? await openCorpusCache(cacheFile, logger) : undefined;
  const { articles, problems, warnings } = store
    ? await loadAllArticles({ corpusDir: config.CORPUS_DIR, store, cache: cache?.files })
    : await loadCorpus(config.CORPUS_DIR, { cache: cache?.files });
  logCorpusProblems(logger, problems, warnings);
  const first =
    cache && snapshotFile && fingerprint
      ? await loadSnapshot(articles, {
          file: snapshotFile,
          fingerprint,
          analyze: (article) => cache.analyze(article),
          prepare: (all) => cache.prepare(all, analyzeAhead),
          logger,
        })
      : undefined;
  const engine = withListings(
    createEngine({
      indexFactory: SEARCH_INDEXES[indexName],
      // A refresh builds in a worker thread, reusing the cache's analyses; the minisearch
      // index cannot cross threads, so with it a refresh builds on this one.
      ...(indexName === "bm25" && !extra.indexFactory
        ? {
            buildSnapshot: (next: readonly Article[]) =>
              buildSnapshotInWorker(next, { cacheFile, snapshotFile, logger }),
          }
        : {}),
      ...extra,
      articles,
      logger,
      maxQuotes: config.MAX_QUOTES,
      maxQuestionLength: config.MAX_QUESTION_LENGTH,
      ...(cache ? { analyzeArticle: (article: Article) => cache.analyze(article) } : {}),
      ...(first ? { snapshot: first.snapshot } : {}),
    }),
  );
  if (cache) {
    await cache.save();
    logger.debug({ ...cache.stats, snapshotFromFile: first?.fromFile ?? false }, "corpus cache");
  }
  await first?.save();
  logger.debug({ articles: articles.length, skipped: problems.length }, "corpus loaded");
  return engine;
}
