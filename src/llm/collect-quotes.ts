import type { Quote } from "../answer/answer.ts";
import { buildQuote } from "../answer/build-quote.ts";
import type { RetrievedPassage } from "../engine/composer.ts";
import { findNormalized, foldForMatch } from "../text/normalize.ts";
import type { Claim } from "./answer-schema.ts";
import { locateSpan, MIN_SPAN_CHARS, type Span, toSentenceRanges } from "./locate-span.ts";

/** Why a claim of the model showed no quote. */
export type DroppedClaim = "unknown_passage" | "span_not_found" | "quote_limit" | "already_shown";

export interface QuoteCollector {
  /** Verified quotes so far, in the order the model gave them. */
  readonly quotes: Quote[];
  /** Verifies a claim against its own passage; returns why nothing was added, or null. */
  addClaim(claim: Claim): DroppedClaim | null;
  /**
   * Whether words the model put in quotation marks are shown in a quote: true when a shown
   * quote holds them, or when a passage holds a span of them long enough to be a quote and
   * its sentence can still be added.
   */
  confirmQuoted(words: string): boolean;
}

/**
 * Turns the model's claims into Quotes. A claim counts only if its span is found in the
 * passage it names; the quote is then the passage's whole sentence(s) at those offsets,
 * built with `buildQuote`, so its text is the corpus's characters and never the model's.
 */
export function createQuoteCollector(
  passages: readonly RetrievedPassage[],
  maxQuotes: number,
): QuoteCollector {
  const byId = new Map(passages.map((p) => [normalizeId(p.id), p]));
  const quotes: Quote[] = [];

  function add(passage: RetrievedPassage, span: Span): DroppedClaim | null {
    let added = false;
    let shown = false;
    for (const range of toSentenceRanges(passage.text, passage.sentences, span)) {
      const overlaps = quotes.some(
        (q) =>
          q.source.articleId === passage.article.id &&
          q.source.paragraph === passage.paragraph &&
          q.start < range.end &&
          q.end > range.start,
      );
      if (overlaps) {
        shown = true;
        continue;
      }
      if (quotes.length >= maxQuotes) continue;
      const quote = buildQuote(
        passage.article,
        passage.paragraph,
        range.start,
        range.end,
        range.speaker,
        range.speakerRole,
      );
      // The passage text must be the article's paragraph: a quote is checked against both.
      if (quote && passage.text.slice(range.start, range.end) === quote.text) {
        quotes.push(quote);
        added = true;
      }
    }
    if (added) return null;
    return shown ? "already_shown" : "quote_limit";
  }

  return {
    quotes,
    addClaim(claim) {
      const passage = byId.get(normalizeId(claim.passage_id));
      if (!passage) return "unknown_passage";
      const span = locateSpan(passage.text, claim.quote);
      if (!span) return "span_not_found";
      return add(passage, span);
    },
    confirmQuoted(words) {
      if (quotes.some((q) => findNormalized(q.text, words))) return true;
      // A word or two occurs in many sentences: only a real span may bring in a new quote.
      if (foldForMatch(words).length < MIN_SPAN_CHARS) return false;
      for (const passage of passages) {
        const span = findNormalized(passage.text, words);
        if (span && add(passage, span) === null) return true;
      }
      return false;
    },
  };
}

/** "[P2]", "p2" and " P2 " all name passage P2. */
function normalizeId(id: string): string {
  return id.replace(/[\s[\]()#]/g, "").toUpperCase();
}
