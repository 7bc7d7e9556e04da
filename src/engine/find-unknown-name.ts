import { nameKey } from "../speakers/name-key.ts";
import { QUESTION_WORDS, STOP_WORDS } from "../text/analyze.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import { nearestWords } from "./fuzzy-vocabulary.ts";

/** Titles that put a name after them even in a question typed in lower case. */
const TITLE = /\b(?:dr|mr|mrs|ms|prof|professor|sir|dame)\.?\s+((?:\p{L}[\p{L}'’-]*\s*){1,3})/giu;
/** Capitalised words in a row, not opening the question: "Erik Sand", "France". */
const CAPITALISED =
  /(?<=[\p{L}\p{N},;:]\s+)\p{Lu}\p{Ll}[\p{Ll}'’-]+(?:\s+\p{Lu}\p{Ll}[\p{Ll}'’-]+)*/gu;

/**
 * A name the question uses that the corpus never mentions: a run of capitalised words
 * inside the question, or words after a title ("dr anna berglund"), whose last word (the
 * surname) occurs nowhere in the corpus and is no near spelling of a word that does. A
 * known person named beside them ("what did X say about Ekdal") does not make them known.
 * Such a name is what the question is about, so it is evidence for not_found where an
 * ordinary word the articles don't use is not.
 */
export function findUnknownName(
  question: string,
  snapshot: CorpusSnapshot,
  understood: ReadonlySet<string> = new Set(),
): string | null {
  const unknown = (word: string) => {
    if (understood.has(word) || understood.has(word.replace(/['’]s$/, ""))) return false;
    const key = nameKey(word);
    return (
      key.length >= 3 && !snapshot.wordKeys.has(key) && nearestWords(snapshot, word).length === 0
    );
  };
  const display = (parts: string[]) =>
    parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(" ");
  // After a title, the name runs up to its last unknown word: "dr anna berglund measles".
  for (const m of question.matchAll(TITLE)) {
    const all = m[1]!.trim().split(/\s+/);
    const end = all.findIndex(
      (w) => STOP_WORDS.has(w.toLowerCase()) || QUESTION_WORDS.has(w.toLowerCase()),
    );
    const parts = end < 0 ? all : all.slice(0, end);
    const last = parts.findLastIndex(unknown);
    if (last >= 0) return display(parts.slice(0, last + 1));
  }
  for (const m of question.matchAll(CAPITALISED)) {
    const parts = m[0].replace(/['’]s$/, "").split(/\s+/);
    if (unknown(parts.at(-1)!)) return display(parts);
  }
  return null;
}
