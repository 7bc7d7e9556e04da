import type { Prng } from "./prng.ts";
import type { Country, SyntheticWorld } from "./synthetic-world.ts";
import {
  ADVERBS,
  GENERAL_ADJECTIVES,
  GENERAL_NOUNS,
  LONG_TAIL_NOUNS,
  MONTHS,
  PREPOSITIONS,
  type Topic,
  VERBS,
} from "./topics.ts";

/** What one article's sentences draw on; `nouns` collects the topic nouns written. */
export interface Writer {
  prng: Prng;
  world: SyntheticWorld;
  topic: Topic;
  country: Country;
  city: string;
  /** The apostrophe this article uses: ' or ’. */
  apos: string;
  /** Topic nouns written since the last reset: what a speaker's quote was "about". */
  nouns: string[];
}

const MODALS = ["will", "would", "could", "must", "should", "cannot", "may"];
const BELIEFS = [
  "I think",
  "I believe",
  "I am convinced",
  "We know",
  "Everyone understands",
  "I fear",
];

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function third(base: string): string {
  if (/(s|sh|ch|x|z)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

export function topicNoun(w: Writer): string {
  const noun = w.prng.zipf(w.topic.nouns, 0.7);
  w.nouns.push(noun);
  return noun;
}

function noun(w: Writer): string {
  const roll = w.prng.next();
  if (roll < 0.6) return topicNoun(w);
  if (roll < 0.85) return w.prng.zipf(GENERAL_NOUNS, 0.9);
  return w.prng.zipf(LONG_TAIL_NOUNS, 1);
}

function adjective(w: Writer): string {
  return w.prng.chance(0.4)
    ? w.prng.pick(w.topic.adjectives)
    : w.prng.zipf(GENERAL_ADJECTIVES, 0.8);
}

export function nounPhrase(w: Writer): string {
  const { prng } = w;
  switch (prng.int(7)) {
    case 0:
      return `the ${noun(w)}`;
    case 1:
      return `the ${w.city} ${noun(w)}`;
    case 2:
      return `${w.country.name}${w.apos}s ${noun(w)}`;
    case 3:
      return `the ${noun(w)} of ${prng.pick(w.world.companies)}`;
    case 4:
      return `the ${w.country.adjective} ${noun(w)}`;
    default:
      return `the ${adjective(w)} ${noun(w)}`;
  }
}

function verbPhrase(w: Writer): string {
  const [base, past] = w.prng.pick(VERBS);
  switch (w.prng.int(4)) {
    case 0:
      return past;
    case 1:
      return third(base);
    case 2:
      return `has ${past}`;
    default:
      return `${w.prng.pick(MODALS)} ${base}`;
  }
}

function tail(w: Writer): string {
  const { prng } = w;
  switch (prng.int(6)) {
    case 0:
      return ` ${prng.pick(PREPOSITIONS)} ${prng.zipf(w.world.cities)}`;
    case 1:
      return ` by ${prng.pick(MONTHS)}`;
    case 2:
      return ` before the ${noun(w)}`;
    case 3:
      return ` despite ${nounPhrase(w)}`;
    default:
      return "";
  }
}

/** A third-person clause: "the regional grid would delay the Ostrava tariff by March". */
export function clause(w: Writer): string {
  return `${nounPhrase(w)} ${verbPhrase(w)} ${nounPhrase(w)}${tail(w)}`;
}

export function amount(w: Writer): string {
  const { prng } = w;
  switch (prng.int(4)) {
    case 0:
      return `${prng.between(2, 95)} percent`;
    case 1:
      return `${prng.between(1, 99)}.${prng.int(10)} billion euros`;
    case 2:
      return `${prng.between(2, 900)} million dollars`;
    default:
      return `${prng.between(2, 40)},${String(prng.int(1000)).padStart(3, "0")} people`;
  }
}

/** One first-person sentence without its final punctuation, as said aloud. */
export function spokenSentence(w: Writer): string {
  const { prng } = w;
  const [base, past] = prng.pick(VERBS);
  switch (prng.int(9)) {
    case 0:
      return `We ${prng.pick(MODALS)} ${base} ${nounPhrase(w)}${tail(w)}`;
    case 1:
      return `${prng.pick(BELIEFS)} that ${clause(w)}`;
    case 2:
      return `This ${topicNoun(w)} is ${prng.pick(ADVERBS)} ${adjective(w)}`;
    case 3:
      return `Nobody in ${prng.zipf(w.world.cities)} wants ${nounPhrase(w)}`;
    case 4:
      return `Our ${noun(w)} ${past} ${nounPhrase(w)}, and we ${prng.pick(MODALS.slice(0, 5))} not ${base} it again`;
    case 5:
      return `There is no ${topicNoun(w)} without ${noun(w)}`;
    case 6:
      return `We have ${past} ${nounPhrase(w)} for ${prng.between(2, 30)} years`;
    case 7:
      return `The ${topicNoun(w)} is ${adjective(w)}, but the ${noun(w)} is ${adjective(w)}`;
    default:
      return `It${w.apos}s ${prng.pick(ADVERBS)} ${adjective(w)} to ${base} ${nounPhrase(w)} now`;
  }
}

/** One or two spoken sentences; the last is left without a full stop for the attribution. */
export function spokenQuote(w: Writer): { body: string; last: string } {
  const first = capitalize(spokenSentence(w));
  if (w.prng.chance(0.6)) {
    return { body: `${first}. `, last: capitalize(spokenSentence(w)) };
  }
  return { body: "", last: first };
}
