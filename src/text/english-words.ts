import { readFileSync } from "node:fs";
import wordListPath from "word-list";

interface WordList {
  /** Every word, sorted, joined by "\n": one string, not 274,000 objects for the GC to walk. */
  text: string;
  /** Where each word starts in `text`. */
  starts: Uint32Array;
}

let LIST: WordList | undefined;

function load(): WordList {
  const words = readFileSync(wordListPath, "utf8").split("\n").filter(Boolean).sort();
  const starts = new Uint32Array(words.length);
  let at = 0;
  words.forEach((w, i) => {
    starts[i] = at;
    at += w.length + 1;
  });
  return { text: words.join("\n"), starts };
}

/**
 * Whether `word` (lower case) is an English word, by the `word-list` package (~274,000
 * words). A typed word that is one is no typo, however close it is to a corpus word:
 * "weather" must not become "whether". Loaded on the first call, which only a question
 * with a word the corpus never uses makes; looked up by binary search.
 */
export function isEnglishWord(word: string): boolean {
  LIST ??= load();
  const { text, starts } = LIST;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = starts[mid]!;
    const end = mid + 1 < starts.length ? starts[mid + 1]! - 1 : text.length;
    const candidate = text.slice(start, end);
    if (candidate === word) return true;
    if (candidate < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
