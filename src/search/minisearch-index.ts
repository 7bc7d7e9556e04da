import MiniSearch from "minisearch";
import type {
  IndexedPassage,
  LexicalHit,
  LexicalIndex,
  LexicalSearchOptions,
} from "./lexical-index.ts";

interface Doc {
  id: number;
  text: string;
  context: string;
}

/** The passage's own words count most; its paragraph and speaker help it match. */
const BOOST = { text: 2, context: 0.5 };

/**
 * The default lexical index: minisearch's BM25+. Passages arrive as analysed terms joined
 * by spaces (the engine's analysis does stemming and stop words), so minisearch only splits
 * on spaces and never rewrites a term.
 */
export function createMiniSearchIndex(passages: readonly IndexedPassage[]): LexicalIndex {
  const search = new MiniSearch<Doc>({
    fields: ["text", "context"],
    tokenize: (text) => text.split(" "),
    processTerm: (term) => (term.length > 0 ? term : null),
    searchOptions: { boost: BOOST, combineWith: "OR", prefix: false, fuzzy: false },
  });
  const df = new Map<string, number>();
  for (const p of passages) {
    for (const term of new Set(`${p.text} ${p.context}`.split(" "))) {
      if (term) df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  search.addAll(passages.map(({ id, text, context }) => ({ id, text, context })));
  return {
    size: passages.length,
    documentFrequency: (term) => df.get(term) ?? 0,
    search(terms: readonly string[], options: LexicalSearchOptions = {}): LexicalHit[] {
      const known = terms.filter((t) => df.has(t));
      if (known.length === 0) return [];
      const filter = options.filter;
      const results = search.search(
        known.join(" "),
        filter ? { filter: (r) => filter(r.id as number) } : {},
      );
      const hits = results.slice(0, options.limit ?? 50);
      return hits.map((r) => ({ id: r.id as number, score: r.score, matched: r.terms }));
    },
  };
}
