import { createRequire } from "node:module";

/**
 * Stand-in for the engine's term analysis until it lands in src/text/: fold quotes,
 * apostrophes, case and diacritics; split on anything that is not a letter or digit; drop
 * stop words and question scaffolding; stem with Porter2 (the stemmer the project
 * depends on). Benchmarks switch to the engine's analyser once it exists.
 */
const stem = createRequire(import.meta.url)("wink-porter2-stemmer") as (word: string) => string;

const STOP_WORDS = new Set(
  "a about an and any anything are as at be but by did do does for from had has have he her his how i if in into is it its latest me my no not of on or our quotes say said she so tell than that the their them then there these they this to was we were what when where which who whom why will with would you".split(
    " ",
  ),
);

const SPLIT = /[^\p{L}\p{N}]+/u;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2019\u02BC']/g;

/** Stems repeat endlessly in a corpus; remembering them halves analysis time. */
const stems = new Map<string, string>();

export function placeholderAnalyze(text: string): string[] {
  const folded = text
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(APOSTROPHES, "")
    .toLowerCase();
  const terms: string[] = [];
  for (const word of folded.split(SPLIT)) {
    if (word.length === 0 || STOP_WORDS.has(word)) continue;
    let stemmed = stems.get(word);
    if (stemmed === undefined) {
      stemmed = stem(word);
      stems.set(word, stemmed);
    }
    terms.push(stemmed);
  }
  return terms;
}
