import type { SentenceSpan } from "../text/split-sentences.ts";
import { REPORTING_VERBS } from "./lexicon.ts";
import { quotationMask } from "./tokens.ts";

/** Where a sentence may hold two reports: "A said ..., while B told ...", "A says ...; B says ...". */
const JOINT = /;\s+(?:and\s+)?|,\s+(?=(?:while|whereas|but)\s)/g;
const WORD = /[\p{L}’'-]+/gu;
const MIN_WORDS = 4;

function reportsOutsideQuotes(text: string, from: number, to: number, mask: Uint8Array): boolean {
  WORD.lastIndex = 0;
  for (const m of text.slice(from, to).matchAll(WORD)) {
    if (mask[from + m.index] === 1) continue;
    if (REPORTING_VERBS.has(m[0].toLowerCase())) return true;
  }
  return false;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Splits a sentence that reports two speakers into one span per report, so each span has
 * one speaker: "Lavrenko said talks were over, while Ushenko told reporters ..." becomes
 * two. A sentence is split only outside quotation marks, and only where both sides have a
 * reporting verb of their own; anything else stays whole.
 */
export function splitReportClauses(
  paragraph: string,
  spans: readonly SentenceSpan[],
): SentenceSpan[] {
  const mask = quotationMask(paragraph);
  const out: SentenceSpan[] = [];
  for (const span of spans) {
    const text = paragraph.slice(span.start, span.end);
    let start = span.start;
    JOINT.lastIndex = 0;
    for (const m of text.matchAll(JOINT)) {
      const at = span.start + m.index;
      const next = at + m[0].length;
      if (mask[at] === 1) continue;
      if (words(paragraph.slice(start, at)) < MIN_WORDS) continue;
      if (words(paragraph.slice(next, span.end)) < MIN_WORDS) continue;
      if (!reportsOutsideQuotes(paragraph, start, at, mask)) continue;
      if (
        !reportsOutsideQuotes(
          paragraph,
          next,
          nextJoint(text, m.index + m[0].length, span.start),
          mask,
        )
      )
        continue;
      // The joining punctuation stays with the first span; the conjunction opens the next.
      out.push({ start, end: at + 1 });
      start = m[0].startsWith(";") ? next : at + 2;
    }
    out.push({ start, end: span.end });
  }
  return out;
}

/** The end of the clause that starts at `from` (relative to the sentence), as an offset. */
function nextJoint(text: string, from: number, base: number): number {
  const rest = text.slice(from);
  const m = /;\s|,\s+(?:while|whereas|but)\s/.exec(rest);
  return base + from + (m ? m.index : rest.length);
}
