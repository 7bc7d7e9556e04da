import type { Bm25Postings } from "./bm25-postings.ts";
import type { PassageMatches } from "./lexical-index.ts";

/**
 * Look-ups of given documents in a term's postings (sorted by document, so each is a
 * binary search): what a search's few top hits and a speaker's statements need to know,
 * without a pass over the postings.
 */

/** Whether document `doc` has term `id` in its text: a binary search of the term's postings. */
export function textHas(postings: TermLookup, id: number | undefined, doc: number): boolean {
  if (id === undefined) return false;
  const at = postingOf(postings, id, doc);
  return at >= 0 && (postings.tfText[at] as number) > 0;
}

/** Where document `doc` is in term `id`'s postings, or -1. */
function postingOf(postings: TermLookup, id: number, doc: number): number {
  const { offsets, docs } = postings;
  const to = offsets[id + 1] as number;
  let lo = offsets[id] as number;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] as number) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && docs[lo] === doc ? lo : -1;
}

/** The postings columns a look-up of terms in given documents reads. */
export type TermLookup = Pick<Bm25Postings, "termIds" | "offsets" | "docs" | "tfText">;

/**
 * Adds to `out[i]` each of `terms` that document `docs[i]` of `postings` has (skipping
 * docs of -1): in `matched`, and in `matchedInText` when its text has it. Each term's
 * postings are sorted by document, so a look-up is a binary search: a term costs
 * log(postings) per document asked about, not a pass over the postings.
 */
export function addMatches(
  postings: TermLookup,
  terms: readonly string[],
  docs: Int32Array,
  out: readonly PassageMatches[],
): void {
  for (const term of terms) {
    const id = postings.termIds.get(term);
    if (id === undefined) continue;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (doc < 0) continue;
      const at = postingOf(postings, id, doc);
      if (at >= 0) {
        const matches = out[i] as PassageMatches;
        matches.matched.push(term);
        if ((postings.tfText[at] as number) > 0) matches.matchedInText.push(term);
      }
    }
  }
}

/** The internal document number of each passage id: docOf inverted. */
export function docsOfIds(docOf: Uint32Array): Int32Array {
  const docOfId = new Int32Array(docOf.length).fill(-1);
  for (let doc = 0; doc < docOf.length; doc++) docOfId[docOf[doc] as number] = doc;
  return docOfId;
}
