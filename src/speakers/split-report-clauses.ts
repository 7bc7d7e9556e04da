import type { SentenceSpan } from "../text/split-sentences.ts";
import { isReportingCue } from "./reporting-cue.ts";
import { quotationMask } from "./tokens.ts";

/** Where a sentence may hold two reports: "A said ..., while B told ...", "A says ...; B says ...". */
const JOINT = /[;,]["”]?\s+(?:and\s+)?/g;
/** After a comma, only a conjunction opens a second report; a semicolon needs none. */
const CONJUNCTION = /^(while|whereas|but|although|though|and)\s/;
const WORD = /[\p{L}’'-]+/gu;
const MIN_WORDS = 4;

function reportsOutsideQuotes(text: string, from: number, to: number, mask: Uint8Array): boolean {
  const words = [...text.slice(from, to).matchAll(WORD)];
  return words.some(
    (m, i) =>
      mask[from + m.index] !== 1 &&
      isReportingCue(m[0].toLowerCase(), words[i + 1]?.[0].toLowerCase()),
  );
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Splits a sentence that reports two speakers into one span per report, so each span has
 * one speaker: "Markov said talks were over, while Petrenko told reporters ..." becomes
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
      // The punctuation may close a quotation ('...," and'): the gap after it is outside.
      const punct = /^[;,]["”]?/.exec(m[0])![0];
      const punctEnd = span.start + m.index + punct.length;
      const gapEnd = punctEnd + (/^\s+/.exec(m[0].slice(punct.length))?.[0].length ?? 0);
      const next = punct.startsWith(";") ? span.start + m.index + m[0].length : gapEnd;
      if (mask[punctEnd] === 1) continue;
      if (punct.startsWith(",") && !CONJUNCTION.test(paragraph.slice(gapEnd))) continue;
      if (words(paragraph.slice(start, punctEnd)) < MIN_WORDS) continue;
      if (words(paragraph.slice(next, span.end)) < MIN_WORDS) continue;
      if (!reportsOutsideQuotes(paragraph, start, punctEnd, mask)) continue;
      const clauseEnd = nextJoint(text, next - span.start + 1, span.start);
      if (!reportsOutsideQuotes(paragraph, next, clauseEnd, mask)) continue;
      // The punctuation stays with the first span; the conjunction opens the next.
      out.push({ start, end: punctEnd });
      start = next;
    }
    out.push({ start, end: span.end });
  }
  return out;
}

/** The end of the clause that starts at `from` (relative to the sentence), as an offset. */
function nextJoint(text: string, from: number, base: number): number {
  const rest = text.slice(from);
  const m = /;["”]?\s|,["”]?\s+(?:while|whereas|but|although|though|and)\s/.exec(rest);
  return base + from + (m ? m.index : rest.length);
}
