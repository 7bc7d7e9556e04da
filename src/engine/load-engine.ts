import type { EngineConfig } from "../config/engine-config.ts";
import { loadCorpus } from "../corpus/load-corpus.ts";
import { loadAllArticles } from "../corpus-admin/load-all-articles.ts";
import type { Logger } from "../log/logger.ts";
import type { CorpusStore } from "../store/corpus-store.ts";
import { createEngine, type EngineOptions } from "./create-engine.ts";
import type { Engine } from "./engine.ts";

/**
 * The engine over the configured corpus folder, plus the articles moderators added when
 * a `store` is given. Bad files are logged with their path and skipped; a missing or
 * empty corpus throws an AppError that says how to fix it.
 */
export async function loadEngine(
  config: Pick<EngineConfig, "CORPUS_DIR" | "MAX_QUOTES" | "MAX_QUESTION_LENGTH">,
  logger: Logger,
  extra: Omit<EngineOptions, "articles" | "logger" | "maxQuotes" | "maxQuestionLength"> = {},
  store?: CorpusStore,
): Promise<Engine> {
  const { articles, problems } = store
    ? await loadAllArticles({ corpusDir: config.CORPUS_DIR, store })
    : await loadCorpus(config.CORPUS_DIR);
  for (const problem of problems)
    logger.warn({ path: problem.path, problem: problem.message }, "corpus file skipped");
  const engine = createEngine({
    ...extra,
    articles,
    logger,
    maxQuotes: config.MAX_QUOTES,
    maxQuestionLength: config.MAX_QUESTION_LENGTH,
  });
  logger.debug({ articles: articles.length, skipped: problems.length }, "corpus loaded");
  return engine;
}
