import { SEARCH_INDEXES, type SearchIndexName } from "../../src/search/search-indexes.ts";

/** The lexical indexes the engine can run on, by the name SEARCH_INDEX gives them. */
export const INDEX_KINDS = SEARCH_INDEXES;

export type IndexKind = SearchIndexName;

export function parseIndexKind(text: string | undefined): IndexKind {
  if (text !== undefined && text in SEARCH_INDEXES) return text as IndexKind;
  throw new Error(`index "${text}" is not one of: ${Object.keys(SEARCH_INDEXES).join(", ")}`);
}
