import { bm25IndexFromPostings, SEARCH_INDEX_WEIGHTS, splitTerms } from "../search/bm25-index.ts";
import { type Bm25Postings, postingsBuilder } from "../search/bm25-postings.ts";
import type { IndexBuilder } from "./corpus-snapshot.ts";

/**
 * The engine's bm25 index, built as a snapshot's passages are made; `built` is given its
 * postings, which a snapshot file or a worker's transfer needs.
 */
export function bm25Builder(built: (postings: Bm25Postings) => void): IndexBuilder {
  const postings = postingsBuilder(splitTerms, true);
  return {
    add: (passage) => postings.add(passage),
    finish() {
      const made = postings.finish();
      built(made);
      return bm25IndexFromPostings(made, SEARCH_INDEX_WEIGHTS);
    },
  };
}
