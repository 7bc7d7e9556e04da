import { lengthNorms } from "./bm25-length-norms.ts";
import { addMatches, docsOfIds, textHas } from "./bm25-lookup.ts";
import { type Bm25Postings, buildPostings } from "./bm25-postings.ts";
import {
  accumulateTerm,
  beginTerm,
  createAccumulator,
  hitsOf,
  mostOneTermAdds,
  resetAccumulator,
  selectTop,
} from "./bm25-search.ts";
import type {
  IndexedPassage,
  LexicalHit,
  LexicalIndex,
  LexicalIndexFactory,
  LexicalSearchOptions,
  PassageMatches,
} from "./lexical-index.ts";

/**
 * Exact BM25 over typed-array postings with a reusable score accumulator. Built for
 * speed at scale: postings are one contiguous array per column (CSR layout), so a search
 * is a few tight loops over numbers, with no per-hit objects until the final top-k.
 *
 * Scoring is per field (the passage's text and its context), summed with field boosts:
 * the same shape as minisearch's BM25+, so the two rank alike and can be swapped.
 */
export interface Bm25Options {
  /** Turns text into index terms; must be the analysis the queries went through. */
  analyze: (text: string) => string[];
  /** Weight of a match in the passage's own text (default 2). */
  textBoost?: number;
  /** Weight of a match in its context (default 1). */
  contextBoost?: number;
  /** Term-frequency saturation (default 1.2). */
  k1?: number;
  /** Length normalisation, 0..1 (default 0.7). */
  b?: number;
  /** BM25+ lower bound for any matching term (default 0.5; 0 gives classic BM25). */
  delta?: number;
  /**
   * Multiply a passage's score by how many distinct query terms it matched (default true,
   * as minisearch does): a passage with both "Lavrov" and "talks" beats one with either.
   */
  coordination?: boolean;
  /**
   * How a field's length is counted: "distinct" terms (minisearch's choice) or all
   * "tokens" (textbook BM25). Default "distinct".
   */
  fieldLength?: "distinct" | "tokens";
}

/** Matched terms are tracked as bits of one 32-bit word; longer queries keep their first 32. */
const MAX_QUERY_TERMS = 32;
/** Hits returned when a search names no limit (as the minisearch index does). */
export const DEFAULT_LIMIT = 50;

export function bm25IndexFactory(options: Bm25Options): LexicalIndexFactory {
  return (passages) => createBm25Index(passages, options);
}

/**
 * The engine's passages arrive as analysed terms joined by spaces. Empty pieces are kept:
 * they count towards a field's length exactly as in minisearch, so both score alike.
 */
export function splitTerms(text: string): string[] {
  return text.split(" ");
}

/**
 * The engine's BM25 index: passages already analysed (terms joined by spaces), weighted
 * as the minisearch index weighs them (text 2, context 0.5), so either can serve.
 */
export const createBm25SearchIndex: LexicalIndexFactory = (passages) =>
  createBm25Index(passages, { analyze: splitTerms, ...SEARCH_INDEX_WEIGHTS });

/** The engine's weights (text 2, context 0.5): an index rebuilt from postings must use them too. */
export const SEARCH_INDEX_WEIGHTS = { textBoost: 2, contextBoost: 0.5 } as const;

export function createBm25Index(
  passages: readonly IndexedPassage[],
  options: Bm25Options,
): LexicalIndex {
  checkOptions(options);
  const postings = buildPostings(
    passages,
    options.analyze,
    (options.fieldLength ?? "distinct") === "distinct",
  );
  return bm25IndexFromPostings(postings, options);
}

export function checkOptions(options: Omit<Bm25Options, "analyze">): void {
  // Every contribution must be positive: the accumulator reads a score of 0 as "untouched".
  if (
    !(
      (options.textBoost ?? 2) > 0 &&
      (options.contextBoost ?? 1) > 0 &&
      (options.k1 ?? 1.2) >= 0 &&
      (options.delta ?? 0.5) >= 0
    )
  ) {
    throw new RangeError("BM25 boosts must be positive, k1 and delta not negative");
  }
}

/**
 * The index over postings built elsewhere: a worker thread builds them and hands the
 * typed arrays over without copying (see build-snapshot-in-worker.ts).
 */
export function bm25IndexFromPostings(
  postings: Bm25Postings,
  options: Omit<Bm25Options, "analyze">,
): LexicalIndex {
  checkOptions(options);
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.7;
  const delta = options.delta ?? 0.5;
  const textBoost = options.textBoost ?? 2;
  const contextBoost = options.contextBoost ?? 1;
  const coordination = options.coordination ?? true;
  const { size: n, termIds, offsets, docs, tfText, tfContext, dfText, dfContext, docOf } = postings;
  // The length part of BM25's denominator depends only on a field's length: a table per field.
  const norms = lengthNorms(
    [postings.lengthText],
    [postings.lengthContext],
    { text: averageLength(postings.lengthText), context: averageLength(postings.lengthContext) },
    k1,
    b,
  );
  const acc = createAccumulator(n);
  const idf = (df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

  // Made on the first matchesOf: most indexes (a worker's, a replaced one's) never need it.
  let docOfId: Int32Array | undefined;

  const index: LexicalIndex = {
    size: n,
    matchesOf(terms, ids) {
      docOfId ??= docsOfIds(docOf);
      const known = docOfId;
      const docsAsked = Int32Array.from(ids, (id) =>
        id >= 0 && id < n ? (known[id] as number) : -1,
      );
      const out = ids.map((): PassageMatches => ({ matched: [], matchedInText: [] }));
      addMatches(postings, [...new Set(terms)], docsAsked, out);
      return out;
    },
    documentFrequency(term: string): number {
      const id = termIds.get(term);
      return id === undefined ? 0 : (offsets[id + 1] as number) - (offsets[id] as number);
    },
    search(queryTerms: readonly string[], searchOptions: LexicalSearchOptions = {}): LexicalHit[] {
      // A term asked twice weighs twice (as in minisearch); coordination counts it once.
      const counts = new Map<string, number>();
      for (const t of queryTerms) if (termIds.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      const unique = [...counts.keys()].slice(0, MAX_QUERY_TERMS);
      if (unique.length === 0 || n === 0) return [];
      resetAccumulator(acc);
      const alone = new Float64Array(unique.length);
      unique.forEach((term, q) => {
        const id = termIds.get(term) as number;
        const times = counts.get(term) as number;
        const weightText = times * textBoost * idf(dfText[id] as number);
        const weightContext = times * contextBoost * idf(dfContext[id] as number);
        alone[q] = mostOneTermAdds(weightText, weightContext, delta, k1 + 1);
        const bit = beginTerm(acc);
        accumulateTerm(
          acc,
          offsets[id] as number,
          offsets[id + 1] as number,
          docs,
          tfText,
          tfContext,
          norms,
          weightText,
          weightContext,
          delta,
          k1 + 1,
          bit,
        );
      });
      const limit = searchOptions.limit ?? DEFAULT_LIMIT;
      const best = selectTop(acc, limit, docOf, coordination, searchOptions.filter, alone);
      const ids = unique.map((term) => termIds.get(term));
      return hitsOf(acc, best, docOf, unique, (q, doc) => textHas(postings, ids[q], doc));
    },
  };
  POSTINGS.set(index, { postings, options });
  return index;
}

/** The postings (and options) each index made here searches: what a new segment extends. */
const POSTINGS = new WeakMap<LexicalIndex, { postings: Bm25Postings; options: Bm25IndexOptions }>();

export type Bm25IndexOptions = Omit<Bm25Options, "analyze">;

/** The postings and options of an index bm25IndexFromPostings made, or null for any other. */
export function postingsOf(
  index: LexicalIndex,
): { postings: Bm25Postings; options: Bm25IndexOptions } | null {
  return POSTINGS.get(index) ?? null;
}

/** A field's average length (1 for an empty corpus, as minisearch counts it). */
function averageLength(lengths: Float32Array): number {
  let total = 0;
  for (const length of lengths) total += length;
  return lengths.length > 0 && total > 0 ? total / lengths.length : 1;
}
