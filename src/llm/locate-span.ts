import type { RetrievedSentence } from "../engine/composer.ts";
import { findNormalized, foldForMatch } from "../text/normalize.ts";

/** A span shorter than this (after folding) matches too easily to count as a quote. */
export const MIN_SPAN_CHARS = 12;

/** Quotation marks, ellipses and sentence punctuation a model adds around a span. */
const EDGE = /^[\s"'“”‘’„«»‹›.,;:!?…-]+|[\s"'“”‘’„«»‹›.,;:!?…-]+$/g;
/** An elision inside a span: the model skipped words it did not need. */
const ELISION = /\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*/;

export interface Span {
  start: number;
  end: number;
}

export interface QuoteRange extends Span {
  speaker: string | null;
  speakerRole: string | null;
}

/**
 * Finds the model's `span` in a passage through the matching normalisation (quote styles,
 * dashes, case, whitespace) and returns the passage's own offsets, or null. Quotation marks
 * and punctuation at the edges are ignored; an elided span ("a ... b") matches when its
 * parts occur in order, and covers everything from the first to the last.
 */
export function locateSpan(passage: string, span: string): Span | null {
  const parts = span
    .split(ELISION)
    .map((part) => part.replace(EDGE, ""))
    .filter((part) => part.length > 0);
  if (parts.length === 0 || foldForMatch(parts.join(" ")).length < MIN_SPAN_CHARS) return null;
  let from = 0;
  let first: Span | null = null;
  let last: Span | null = null;
  for (const part of parts) {
    const found = findNormalized(passage.slice(from), part);
    if (!found) return null;
    last = { start: from + found.start, end: from + found.end };
    first ??= last;
    from = last.end;
  }
  return first && last ? { start: first.start, end: last.end } : null;
}

/**
 * Widens a located span to the whole sentences it touches, so a quote never starts or ends
 * mid-sentence and carries the sentence's speaker. Adjacent sentences stay one quote when
 * they have at most one speaker between them; otherwise each sentence is its own quote, so
 * no quote is attributed to the wrong person. Without sentence offsets the span is kept.
 */
export function toSentenceRanges(
  text: string,
  sentences: readonly RetrievedSentence[],
  span: Span,
): QuoteRange[] {
  const covered = sentences.filter((s) => s.start < span.end && s.end > span.start);
  if (covered.length === 0) return trimmed(text, { ...span, speaker: null, speakerRole: null });
  const speakers = new Set(covered.map((s) => s.speaker).filter((s) => s !== null));
  if (speakers.size > 1) return covered.flatMap((s) => trimmed(text, s));
  const voiced = covered.find((s) => s.speaker !== null);
  const first = covered[0] as RetrievedSentence;
  const last = covered[covered.length - 1] as RetrievedSentence;
  return trimmed(text, {
    start: first.start,
    end: last.end,
    speaker: voiced?.speaker ?? null,
    speakerRole: voiced?.speakerRole ?? null,
  });
}

/** The range without surrounding whitespace; none when nothing is left. */
function trimmed(text: string, range: QuoteRange): QuoteRange[] {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return start < end ? [{ ...range, start, end }] : [];
}
