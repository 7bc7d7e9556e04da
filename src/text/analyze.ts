import stem from "wink-porter2-stemmer";
import { foldForMatch } from "./normalize.ts";

/**
 * Term analysis shared by indexing and querying: fold (case, diacritics, quotes), split
 * into words, drop stop words, fold British spellings, stem. Both sides must use it, or
 * "rumours" would never meet "rumors".
 */

/** Words that carry no topic, removed from both passages and questions. */
export const STOP_WORDS = new Set(
  (
    "a an the and or but if of to in on at by for with from into onto as is are was were be been being am " +
    "it its it's this that these those there here than then so such not no nor very too also just only " +
    "i me my we our you your he him his she her they them their who whom whose which what when where why how " +
    "do does did done doing have has had having will would shall should can could may might must " +
    "s t d ll ve re m don didn doesn isn aren wasn weren hasn haven hadn won wouldn couldn shouldn n't 's"
  ).split(" "),
);

/**
 * Words that make a question a question but say nothing about its topic. Removed from
 * questions only: "said" in a passage is evidence of a statement; in "what did X say" it is not.
 */
export const QUESTION_WORDS = new Set(
  (
    "say says said saying tell tells told talk talked speak spoke state stated statement statements " +
    "quote quotes quoted quoting comment comments commented remark remarks think thinks thought " +
    "opinion view views position claim claims claimed mention mentioned mentions write wrote written " +
    "about regarding concerning according anything something everything else more other another " +
    "please kindly show give find list tell explain describe know let article articles corpus text report " +
    "exactly really actually ever all any some lot much many kind sort whether"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
/** WORD for folded ASCII text, where letters and digits are a-z and 0-9: several times faster. */
const ASCII_WORD = /[a-z0-9]+(?:['-][a-z0-9]+)*/g;
/** Anything past ASCII (surrogate halves included): words then need the Unicode pattern. */
const NOT_ASCII = /[\u0080-\uffff]/;
const THOUSANDS = /(\d),(\d{3})\b/g;

/** British spellings fold to American before stemming (rumour → rumor, organise → organize). */
function foldSpelling(word: string): string {
  if (word.length > 4 && /our(s|ed|ing)?$/.test(word))
    return word.replace(/our(s|ed|ing)?$/, "or$1");
  if (word.length > 5 && /is(e|es|ed|ing|ation|ations)$/.test(word)) {
    return word.replace(/is(e|es|ed|ing|ation|ations)$/, "iz$1");
  }
  return word;
}

/** Folded words of `text`: possessive 's dropped, hyphenated words split, digits kept. */
export function words(text: string): string[] {
  const folded = foldForMatch(text).replace(THOUSANDS, "$1$2");
  // All matches at once: exec made an array (index, input, groups) for every word.
  const found = folded.match(NOT_ASCII.test(folded) ? WORD : ASCII_WORD);
  const out: string[] = [];
  if (found === null) return out;
  for (const word of found) {
    // Most words have no apostrophe or hyphen: nothing to drop or split.
    if (!word.includes("'") && !word.includes("-")) {
      out.push(word);
      continue;
    }
    for (const part of word.replace(/'s$/, "").split(/['-]/)) {
      if (part.length > 0) out.push(part);
    }
  }
  return out;
}

const stemCache = new Map<string, string>();
/** Longer "words" are kept as they are, not stemmed. */
const LONGEST_STEMMED = 40;

/** The index term for one folded word. */
export function termOf(word: string): string {
  let term = stemCache.get(word);
  if (term === undefined) {
    // No word of a language is this long; the stemmer's suffix patterns backtrack over a
    // long one in quadratic time (a 14,000-letter "word" took a second).
    term = word.length > LONGEST_STEMMED ? word : stem(foldSpelling(word));
    if (stemCache.size < 200_000) stemCache.set(word, term);
  }
  return term;
}

/** Index terms of a passage. */
export function analyzeText(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (!STOP_WORDS.has(word)) out.push(termOf(word));
  }
  return out;
}

/** Index terms of a question: also without question words, each term once. */
export function analyzeQuestion(text: string): string[] {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (!STOP_WORDS.has(word) && !QUESTION_WORDS.has(word)) out.add(termOf(word));
  }
  return [...out];
}
