import type { Article } from "../corpus/article.ts";
import { type CorpusProblem, loadCorpus, type ParsedArticleCache } from "../corpus/load-corpus.ts";
import { AppError } from "../errors.ts";
import type { CorpusStore, StoredArticle } from "../store/corpus-store.ts";

export interface AllArticles {
  /** Shipped articles first (file order), then the store's (in the order they were added). */
  articles: Article[];
  shipped: Article[];
  stored: StoredArticle[];
  problems: CorpusProblem[];
  /** Shipped files used, with something to fix (see loadCorpus). */
  warnings: CorpusProblem[];
}

/**
 * Everything the engine answers from: the shipped `corpus/` files plus the articles
 * moderators added (the store). A stored article whose id a shipped file also uses is
 * skipped with a problem: the shipped one wins. Only an empty total is an error, so a
 * deployment may ship no files and live on added articles alone.
 */
export async function loadAllArticles(options: {
  corpusDir: string;
  store: CorpusStore;
  /** Parsed files of an earlier run (see engine/corpus-cache.ts). */
  cache?: ParsedArticleCache;
}): Promise<AllArticles> {
  let shipped: Article[] = [];
  let problems: CorpusProblem[] = [];
  let warnings: CorpusProblem[] = [];
  let emptyError: AppError | null = null;
  try {
    ({
      articles: shipped,
      problems,
      warnings,
    } = await loadCorpus(options.corpusDir, {
      cache: options.cache,
    }));
  } catch (error) {
    if (!(error instanceof AppError && error.code === "CORPUS_EMPTY")) throw error;
    emptyError = error;
  }
  const { articles: stored } = await options.store.read();
  const shippedIds = new Set(shipped.map((a) => a.id));
  const usable: StoredArticle[] = [];
  for (const entry of stored) {
    if (shippedIds.has(entry.article.id)) {
      problems.push({
        path: options.store.location,
        message: `added article "${entry.article.id}" has the id of a shipped file; the shipped one is used`,
      });
    } else {
      usable.push(entry);
    }
  }
  const articles = [...shipped, ...usable.map((s) => s.article)];
  if (articles.length === 0) {
    throw (
      emptyError ??
      new AppError("CORPUS_EMPTY", `No articles in ${options.corpusDir} or the store.`)
    );
  }
  return { articles, shipped, stored: usable, problems, warnings };
}
