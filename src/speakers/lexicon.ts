import { readFileSync } from "node:fs";

/**
 * Word lists for speaker attribution. wink-nlp (like every package that ships offline)
 * does not find PERSON names reliably, so attribution is rules over these lists. The
 * lists are data (`lexicon/*.txt`), read once when this module loads, so growing them
 * needs no code change.
 */

function load(name: string): Set<string> {
  const text = readFileSync(new URL(`./lexicon/${name}.txt`, import.meta.url), "utf8");
  return new Set(
    text
      .split("\n")
      .filter((line) => !line.startsWith("#"))
      .join(" ")
      .split(/\s+/)
      .filter(Boolean),
  );
}

/** Verbs that report speech or writing, in the forms news text uses. */
export const REPORTING_VERBS = load("reporting-verbs");

/** Words that name an office, a job or a walk of life: they make a phrase a role. */
export const ROLE_WORDS = load("role-words");

/** Role words for a trade, not an office: "the analyst" is the last one speaking. */
export const GENERIC_ROLE_WORDS = load("generic-role-words");

/** Nouns that refer back to a news outlet: "The publication said". */
export const OUTLET_NOUNS = load("outlet-nouns");

/** Adjectives and qualifiers that may stand in a role phrase. */
export const ROLE_QUALIFIERS = load("role-qualifiers");

/** Capitalised words that start sentences, months, days, honorifics: never in a name. */
export const SENTENCE_WORDS = load("sentence-words");

/** Capitalised titles, institutions, places and nationalities: they may stand in a role. */
export const TITLE_AND_PLACE_WORDS = load("title-and-place-words");

/** Nouns that head an organisation's name or stand for one: "the Defence Ministry". */
export const ORG_HEADS = load("org-heads");

/** Nouns that head a place name: a run ending in one is a place ("Harbour Street"). */
export const PLACE_WORDS = load("place-words");

/** Where people post: "wrote on Telegram" names a platform, not a speaker. */
export const PLATFORMS = load("platforms");

/** Plural or collective nouns that open a sentence without naming anyone: "Critics say". */
export const GROUP_NOUNS = load("group-nouns");

const capitalised = (words: Set<string>) =>
  [...words].map((w) => w.charAt(0).toUpperCase() + w.slice(1));

/** Capitalised words that are never part of a person's name. */
export const NON_NAME_WORDS = new Set([
  ...SENTENCE_WORDS,
  ...TITLE_AND_PLACE_WORDS,
  ...PLATFORMS,
  ...capitalised(ORG_HEADS),
  ...capitalised(PLACE_WORDS),
]);

/** Lower-case particles inside names: Ursula von der Leyen, Charles de Gaulle. */
export const NAME_PARTICLES = new Set("von van der den de da di del la le bin al ibn".split(" "));

export const PRONOUNS = new Set(["he", "she", "they"]);
