/**
 * Text-fragment links (`#:~:text=`), so a browser opens the article scrolled to the quote.
 * Percent-encoding follows the spec: besides what encodeURIComponent escapes, the
 * directive's own syntax characters `-`, `&` and `,` must be escaped inside a term.
 */

/** Words at each end of a long quote's `textStart,textEnd` form. */
const EDGE_WORDS = 5;
/** A quote of at most this many words goes whole into the fragment. */
const WHOLE_QUOTE_WORDS = 10;

export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, "%2D");
}

/** Quote marks and punctuation at the ends do not help a match and may break one. */
function trimEdges(text: string): string {
  return text.replace(/^[\s"'“”‘’«»([—–-]+/u, "").replace(/[\s"'“”‘’«»)\].,;:!?—–-]+$/u, "");
}

/** `url` with any existing fragment replaced by a text fragment pointing at `quote`. */
export function textFragmentLink(url: string, quote: string): string {
  const base = url.replace(/#.*$/, "");
  const words = trimEdges(quote).split(/\s+/).filter(Boolean);
  if (words.length === 0) return base;
  if (words.length <= WHOLE_QUOTE_WORDS) {
    return `${base}#:~:text=${encodeFragmentTerm(words.join(" "))}`;
  }
  const start = trimEdges(words.slice(0, EDGE_WORDS).join(" "));
  const end = trimEdges(words.slice(-EDGE_WORDS).join(" "));
  return `${base}#:~:text=${encodeFragmentTerm(start)},${encodeFragmentTerm(end)}`;
}
