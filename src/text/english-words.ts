import { readFileSync } from "node:fs";
import wordListPath from "word-list";

let WORDS: ReadonlySet<string> | undefined;

/**
 * Whether `word` (lower case) is an English word, by the `word-list` package (~274,000
 * words). A typed word that is one is no typo, however close it is to a corpus word:
 * "weather" must not become "whether". Loaded on the first call (about 20 MB), which
 * only a question with a word the corpus never uses makes.
 */
export function isEnglishWord(word: string): boolean {
  WORDS ??= new Set(readFileSync(wordListPath, "utf8").split("\n"));
  return WORDS.has(word);
}
