import { detectAll } from "tinyld";
import { QUESTION_WORDS, STOP_WORDS } from "../text/analyze.ts";

/** Scripts other than Latin: a question in one of them is not English whatever it says. */
const OTHER_SCRIPT =
  /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Georgian}\p{Script=Armenian}]/u;

/** How sure tinyld must be, on the question's words other than names. */
const MIN_ACCURACY = 0.5;

/**
 * Whether a question is in a language other than English, and which (an ISO 639-1 code
 * from tinyld, or "und" when only the script tells). `words` are the question's words
 * other than the names found in it: names say nothing about the language. A short Latin
 * question counts as English unless it has no English function word and tinyld is sure.
 */
export function detectForeignLanguage(question: string, words: readonly string[]): string | null {
  if (OTHER_SCRIPT.test(question)) {
    const [best] = detectAll(question);
    return best && best.lang !== "en" ? best.lang : "und";
  }
  const lower = words.map((w) => w.toLowerCase());
  if (lower.length < 3) return null;
  const english = lower.filter((w) => STOP_WORDS.has(w) || QUESTION_WORDS.has(w)).length;
  if (english / lower.length >= 0.2) return null;
  const [best] = detectAll(lower.join(" "));
  if (!best || best.lang === "en" || best.accuracy < MIN_ACCURACY) return null;
  return best.lang;
}
