import { createRequire } from "node:module";
import { QUESTION_WORDS, STOP_WORDS } from "../text/analyze.ts";

type DetectAll = (text: string) => { lang: string; accuracy: number }[];
let detector: DetectAll | undefined;
/**
 * tinyld's light model (about 14 MB; the default one takes 50), loaded the first time a
 * question looks foreign: most processes never need it.
 */
function detectAll(text: string): { lang: string; accuracy: number }[] {
  detector ??= (createRequire(import.meta.url)("tinyld/light") as { detectAll: DetectAll })
    .detectAll;
  return detector(text);
}

/** Scripts other than Latin: a question in one of them is not English whatever it says. */
const OTHER_SCRIPT =
  /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Georgian}\p{Script=Armenian}]/u;

/** How sure tinyld must be, on the question's words other than names, and by how much ahead of the next language. */
const MIN_ACCURACY = 0.2;
const MIN_LEAD = 2;
/** Share of English function words ("was", "die" and "de" are words of both) above which a question is English. */
const MAX_ENGLISH_SHARE = 0.4;

/**
 * Whether a question is in a language other than English, and which (an ISO 639-1 code
 * from tinyld, or "und" for another script). `words` are the question's words
 * other than the names found in it: names say nothing about the language. A Latin-script
 * question counts as English unless it has almost no English function word, most of its
 * words are unknown to the articles (`inCorpus`), and tinyld is sure.
 */
export function detectForeignLanguage(
  question: string,
  words: readonly string[],
  inCorpus: (word: string) => boolean = () => false,
): string | null {
  if (OTHER_SCRIPT.test(question)) return "und";
  const lower = words.map((w) => w.toLowerCase());
  if (lower.length < 3) return null;
  const english = lower.filter((w) => STOP_WORDS.has(w) || QUESTION_WORDS.has(w)).length;
  if (english / lower.length >= MAX_ENGLISH_SHARE) return null;
  // Keywords the English articles use ("grid minister merger") are English enough.
  if (lower.filter(inCorpus).length * 2 >= lower.length) return null;
  const [best, next] = detectAll(lower.join(" "));
  if (!best || best.lang === "en" || best.accuracy < MIN_ACCURACY) return null;
  if (next && next.accuracy * MIN_LEAD > best.accuracy) return null;
  return best.lang;
}
