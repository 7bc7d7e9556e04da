import MiniSearch from "minisearch";
import type { IndexedPassage, LexicalIndex } from "../../src/search/lexical-index.ts";

/**
 * Stand-in for the engine's minisearch index until src/search/minisearch-index.ts lands:
 * the configuration the design names (BM25+, text weighted over context, exact terms).
 */
export function createPlaceholderMinisearchIndex(
  passages: readonly IndexedPassage[],
  analyze: (text: string) => string[],
): LexicalIndex {
  const mini = new MiniSearch<IndexedPassage>({
    fields: ["text", "context"],
    storeFields: [],
    tokenize: (text) => analyze(text),
    processTerm: (term) => term,
    searchOptions: { boost: { text: 2, context: 1 }, prefix: false, fuzzy: false },
  });
  mini.addAll(passages as IndexedPassage[]);
  return {
    size: passages.length,
    documentFrequency(term) {
      // minisearch keeps document frequencies private; a one-term search counts them.
      return mini.search(term, { tokenize: (t) => [t], processTerm: (t) => t }).length;
    },
    search(terms, options = {}) {
      if (terms.length === 0) return [];
      const results = mini.search(
        { queries: [...terms], combineWith: "OR" },
        {
          tokenize: (t) => [t],
          processTerm: (t) => t,
          ...(options.filter ? { filter: (r) => options.filter?.(r.id as number) ?? true } : {}),
        },
      );
      const limited = options.limit === undefined ? results : results.slice(0, options.limit);
      return limited.map((r) => ({ id: r.id as number, score: r.score, matched: r.queryTerms }));
    },
  };
}
