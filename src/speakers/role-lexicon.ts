import { ROLE_WORDS } from "./lexicon.ts";
import LEXICON from "./role-lexicon.json" with { type: "json" };

/**
 * The role lexicon (role-lexicon.json) in the shapes lookups need: which words name an
 * office, which words mean the same, which phrases name one office ("top diplomat" is the
 * foreign minister), and how a country's adjective finds its name (Ukrainian ↔ Ukraine).
 */

/** Words that name an office or a trade: the lexicon's and attribution's own. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([...ROLE_WORDS, ...LEXICON.roleNouns]);

/** Modifiers that make a role another one: a former or deputy minister is not the minister. */
export const BLOCKING_WORDS: ReadonlySet<string> = new Set(
  LEXICON.blocking.filter((w) => !w.includes(" ")),
);

export const PREPOSITIONS: ReadonlySet<string> = new Set(LEXICON.prepositions);

/** Words of address before a name: "Mr Kovalenko", "Dr Menon". */
export const HONORIFICS: ReadonlySet<string> = new Set(LEXICON.honorifics);

/** Nouns of institutions: "General" before "Staff" qualifies the institution, it is no general. */
export const INSTITUTION_NOUNS: ReadonlySet<string> = new Set(LEXICON.institutions);

const CANONICAL = new Map<string, string>();
for (const group of LEXICON.synonyms) for (const w of group) CANONICAL.set(w, group[0]!);

/** One word of a synonym group: "spokeswoman" → "spokesperson", "boss" → "head". */
export const canonicalWord = (word: string) => CANONICAL.get(word) ?? word;

/** Phrases (as word arrays) that name one office, longest first, with the offices they name. */
export const CONCEPT_PHRASES: readonly { words: string[]; concepts: string[] }[] = (() => {
  const byPhrase = new Map<string, string[]>();
  for (const [concept, phrases] of Object.entries(LEXICON.concepts)) {
    for (const phrase of phrases) {
      const key = phrase.replace(/-/g, " ");
      byPhrase.set(key, [...(byPhrase.get(key) ?? []), concept]);
    }
  }
  return [...byPhrase]
    .map(([phrase, concepts]) => ({ words: phrase.split(" "), concepts }))
    .sort((a, b) => b.words.length - a.words.length);
})();

const BROADER = LEXICON.broader as Record<string, string[]>;
/** What an office is also called more loosely: a chief executive is a head. */
export const broaderOf = (concept: string): string[] => (BROADER[concept] ?? []).map(canonicalWord);

const IRREGULAR = LEXICON.irregularDemonyms as Record<string, string>;
const METONYMS = LEXICON.metonyms as Record<string, string>;
const SUFFIXES = LEXICON.demonymSuffixes.map(([suffix]) => suffix!);
const MIN_STEM = 4;

/**
 * The forms a place word may share with its other forms: the word, its country by the
 * irregulars and seats of power (french → france, kremlin → russia), and the word
 * without each demonym suffix. Ukrainian and Ukraine share "ukrain"; Omani and
 * Oman share "oman"; Iranian and Iran share "iran".
 */
export function placeStems(word: string): string[] {
  const base = IRREGULAR[word] ?? METONYMS[word] ?? word;
  const stems = new Set([word, base]);
  for (const w of [word, base]) {
    for (const suffix of SUFFIXES) {
      if (w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM)
        stems.add(w.slice(0, w.length - suffix.length));
    }
  }
  return [...stems];
}

/**
 * The lexicon's irregular place words (french, kremlin) with one of `stems` among their
 * forms. Every other word's forms are its own prefixes, so a text without one of `stems`
 * or one of these as a substring has no word whose placeStems meet `stems`.
 */
export function irregularPlaceWords(stems: ReadonlySet<string>): string[] {
  IRREGULAR_FORMS ??= [...Object.keys(IRREGULAR), ...Object.keys(METONYMS)]
    .filter((word) => !word.includes(" "))
    .map((word) => [word, placeStems(word)] as const);
  return IRREGULAR_FORMS.filter(([, forms]) => forms.some((s) => stems.has(s))).map(([w]) => w);
}

/** Each one-word irregular place word with its forms, made at the first call. */
let IRREGULAR_FORMS: (readonly [string, string[]])[] | undefined;

/** Whether a word is a country or a seat of power the lexicon knows ("us", "kremlin"). */
export const isKnownPlace = (word: string) =>
  IRREGULAR[word] !== undefined || METONYMS[word] !== undefined;

/** Two-word seats of power ("white house") as one word, before stems are taken. */
export const METONYM_PHRASES: readonly string[] = Object.keys(METONYMS).filter((k) =>
  k.includes(" "),
);
