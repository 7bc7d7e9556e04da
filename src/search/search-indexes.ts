import { createBm25SearchIndex } from "./bm25-index.ts";
import type { LexicalIndexFactory } from "./lexical-index.ts";
import { createMiniSearchIndex } from "./minisearch-index.ts";

/**
 * The lexical indexes the engine can search with, by the name SEARCH_INDEX takes. Both
 * score BM25+ with the same weights and rank alike; they differ in speed and memory
 * (BENCHMARKS.md): at 10,000 articles the typed-array BM25 index builds several times
 * faster, searches 20x faster and holds a tenth of the memory.
 */
export const SEARCH_INDEXES = {
  bm25: createBm25SearchIndex,
  minisearch: createMiniSearchIndex,
} as const satisfies Record<string, LexicalIndexFactory>;

export type SearchIndexName = keyof typeof SEARCH_INDEXES;

export const SEARCH_INDEX_NAMES = Object.keys(SEARCH_INDEXES) as [
  SearchIndexName,
  ...SearchIndexName[],
];

/** Chosen by the numbers in BENCHMARKS.md, with the eval's figures unchanged. */
export const DEFAULT_SEARCH_INDEX: SearchIndexName = "bm25";
