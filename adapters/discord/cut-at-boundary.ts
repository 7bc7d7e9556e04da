export const ELLIPSIS = "…";

/** After a sentence's final punctuation and any closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*(?=\s)/g;

/**
 * The longest prefix of `text` whose measured length (`measure`, e.g. the escaped length)
 * fits `budget`, ending at a sentence boundary, or at a word boundary when no sentence
 * boundary keeps at least half the budget. Never cuts inside a word unless the first word
 * alone is longer than the budget. Returns `text` itself when it fits.
 */
export function cutAtBoundary(
  text: string,
  budget: number,
  measure: (s: string) => number = (s) => s.length,
): string {
  if (measure(text) <= budget) return text;
  const sentenceEnds = [...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length);
  const wordEnds = [...text.matchAll(/\S(?=\s)/g)].map((m) => m.index + 1);
  const fits = (end: number) => measure(text.slice(0, end)) <= budget;
  const bySentence = lastFitting(sentenceEnds, fits);
  const byWord = lastFitting(wordEnds, fits);
  if (bySentence !== undefined && (byWord === undefined || bySentence * 2 >= byWord)) {
    return text.slice(0, bySentence);
  }
  if (byWord !== undefined) return text.slice(0, byWord);
  return hardCut(text, budget, measure);
}

/** Binary search over ascending positions for the last one that fits. */
function lastFitting(ends: number[], fits: (end: number) => boolean): number | undefined {
  let lo = 0;
  let hi = ends.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const end = ends[mid] as number;
    if (fits(end)) {
      found = end;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** A single word longer than the budget: cut by code points so no surrogate pair splits. */
function hardCut(text: string, budget: number, measure: (s: string) => number): string {
  const chars = [...text];
  let out = "";
  for (const char of chars) {
    if (measure(out + char) > budget) break;
    out += char;
  }
  return out;
}
