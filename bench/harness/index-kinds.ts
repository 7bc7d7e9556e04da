import { createBm25SearchIndex } from "../../src/search/bm25-index.ts";
import type { LexicalIndexFactory } from "../../src/search/lexical-index.ts";
import { createMiniSearchIndex } from "../../src/search/minisearch-index.ts";

/** The lexical indexes the engine can run on, by the name the benchmark reports. */
export const INDEX_KINDS = {
  minisearch: createMiniSearchIndex,
  bm25: createBm25SearchIndex,
} satisfies Record<string, LexicalIndexFactory>;

export type IndexKind = keyof typeof INDEX_KINDS;

export function parseIndexKind(text: string | undefined): IndexKind {
  if (text === "minisearch" || text === "bm25") return text;
  throw new Error(`index "${text}" is not one of: ${Object.keys(INDEX_KINDS).join(", ")}`);
}
