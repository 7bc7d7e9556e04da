import { REPORTING_VERBS } from "./lexicon.ts";

/** Reporting verbs of two words: "posted on social media", "he went on", "as she put it". */
const PHRASAL_CUES = new Map<string, RegExp>([
  // "posted on social media", "posted that ...", not "posted a loss".
  ["posted", /^(on|that|online)$/],
  ["posts", /^(on|that|online)$/],
  ["went", /^on$/],
  ["shot", /^back$/],
  ["hit", /^back$/],
  ["fired", /^back$/],
  ["put", /^it$/],
]);

/** Whether a word (lower-case), with the word after it, reports speech or writing. */
export function isReportingCue(word: string, next: string | undefined): boolean {
  if (REPORTING_VERBS.has(word)) return true;
  return PHRASAL_CUES.get(word)?.test(next ?? "") ?? false;
}
