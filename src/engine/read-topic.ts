import { QUESTION_WORDS, STOP_WORDS, termOf, words } from "../text/analyze.ts";
import { isEnglishWord } from "../text/english-words.ts";
import { loadWordGroups, loadWordSet } from "../text/load-word-list.ts";
import { placeGroups } from "../text/place-names.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import { nearestWords } from "./fuzzy-vocabulary.ts";

/** One topic word of a question, with the other terms that may stand for it. */
export interface TopicTerm {
  /** The word as typed (folded). */
  word: string;
  /** Its index term, or the term of the corpus word it was corrected to. */
  term: string;
  /** idf: how much finding it says about a passage. */
  weight: number;
  /** Terms that stand for it at a lower weight (0..1): synonyms, a country for its adjective. */
  alternatives: { term: string; factor: number }[];
}

export type AnswerType = "number" | "date" | "person" | null;

export interface Topic {
  terms: TopicTerm[];
  /** Words as typed that the corpus never uses and that are no typo of a word it does. */
  unmatched: string[];
  answerType: AnswerType;
  /**
   * For "how many X": the terms of X (and their alternatives). A passage answers only if
   * it puts a number before one of them ("212 cases"), not merely a number somewhere.
   */
  counted: ReadonlySet<string>;
  /**
   * The thing asked about when the corpus has no word for it: "how much will a *ticket*
   * cost", "what is the *salary*". A question whose focus is unknown is not answered by
   * passages that match its other words.
   */
  unknownFocus: string | null;
  /** The terms of that thing (and their alternatives) when the corpus knows it. */
  focus: ReadonlySet<string>;
  /**
   * Whose quantity a "what's the population of X?" asks for, when X is named: each name's
   * terms (with alternatives). The sentence that gives the number must name X itself; a
   * number for a place inside X, with X only in its paragraph, is another quantity.
   */
  owner: readonly ReadonlySet<string>[];
  /**
   * What the unmatched words weigh against every passage: a fraction of an average term,
   * so one word the articles don't use lowers a match without sinking it.
   */
  unmatchedWeight: number;
}

const FILLER_WORDS = loadWordSet("filler-words");
const LIGHT_WORDS = loadWordSet("light-words");
/** What a light word ("own", "came", "back") weighs beside a word that names a topic. */
const LIGHT = 0.3;
/** A misspelt word counts a little less than one typed right: the correction may be wrong. */
const CORRECTED = 0.85;
const SYNONYM = 0.6;
const DERIVED = 0.8;
const UNMATCHED = 0.5;

/** Each term of a group of words that stand for one another → the group's other terms. */
function alternativesOf(groups: readonly string[][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups) {
    const terms = [...new Set(group.map(termOf))];
    for (const t of terms)
      map.set(t, [...new Set([...(map.get(t) ?? []), ...terms.filter((o) => o !== t)])]);
  }
  return map;
}

const SYNONYMS = alternativesOf(loadWordGroups("synonyms"));
/** A country, its capital, its people and its seat of power stand for one another. */
const PLACES = alternativesOf(placeGroups());

/**
 * Variants of a proper adjective or a place name by English word formation: a country
 * and its people or adjective (-n, -an, -ian, -i, -ese, -ish), in either direction.
 */
function derivedForms(word: string): string[] {
  const out = new Set<string>();
  for (const suffix of ["n", "an", "ian", "ns", "ians", "i", "is", "ese"]) out.add(word + suffix);
  const stem = word.replace(/(ians|ian|ans|an|ns|n|is|i|ese|ish)$/, "");
  if (stem !== word && stem.length >= 4) {
    for (const ending of ["", "a", "ia", "ah", "e", "y"]) out.add(stem + ending);
  }
  out.delete(word);
  return [...out];
}

/**
 * Words of the same family that stemming keeps apart: an agent or result noun and its
 * verb ("merger" / "merged", "payment" / "pay"), in either direction.
 */
function familyForms(word: string): string[] {
  const out = new Set<string>();
  const m = /^(\p{L}{4,}?)(ers|er|ments|ment)$/u.exec(word);
  if (m) {
    out.add(m[1]!);
    out.add(`${m[1]}e`);
  } else if (word.length >= 4) {
    const base = word.replace(/(ed|ing|es|e|s)$/, "");
    for (const suffix of ["er", "ers", "ment"]) out.add(base + suffix);
  }
  out.delete(word);
  return [...out];
}

const NUMBER_QUESTION =
  /\b(how (many|much|old|long|far|deep|big|large|high|tall)|what (percentage|percent|share|proportion|number|amount|figure|price|cost)|how much)\b/i;
/** "What's the population of X?": a noun that is a quantity asks for a number too. */
const QUANTITY_QUESTION =
  /\bwhat(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}'’-]+\s+){0,2}?(population|number|percentage|share|proportion|cost|price|amount|total|size|length|distance|age|salary|wage|budget|toll|figure|rate|value|fee|fare)\b/iu;
/** "…population of the Sorn valley", "…length of Ruritania's coast": the named owner. */
const OWNER =
  /\b(?:population|number|percentage|share|proportion|cost|price|amount|total|size|length|distance|age|salary|wage|budget|toll|value|area)\s+of\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*\s*)+)/u;
const DATE_QUESTION =
  /^\W*(?:(?:and|so|but)\s+)?(when|what (date|day|time|year|month)|since when|how soon|by when)\b/i;
const PERSON_QUESTION = /^\W*(who|whom)\b/i;

export function answerTypeOf(question: string): AnswerType {
  if (NUMBER_QUESTION.test(question) || QUANTITY_QUESTION.test(question)) return "number";
  if (DATE_QUESTION.test(question)) return "date";
  if (PERSON_QUESTION.test(question)) return "person";
  return null;
}

/** A counted term no passage has: the counted noun is a word the corpus never uses. */
const NOTHING = "\u0000";
const HOW_MANY = /\bhow\s+many\s+([^?.!,;]+)/i;

/** The terms of the noun phrase after "how many", up to its first function word or verb. */
function countedTerms(question: string, terms: readonly TopicTerm[]): Set<string> {
  const match = HOW_MANY.exec(question);
  const out = new Set<string>();
  if (!match) return out;
  const phrase: string[] = [];
  for (const raw of match[1]!.split(/\s+/).slice(0, 3)) {
    const word = words(raw)[0];
    if (!word || STOP_WORDS.has(word) || QUESTION_WORDS.has(word)) break;
    // A proper adjective ("Valdorian troops") says whose, not what is counted.
    if (/^\p{Lu}/u.test(raw)) continue;
    phrase.push(word);
  }
  for (const word of phrase) {
    const t = terms.find((x) => x.word === word);
    if (!t) continue;
    out.add(t.term);
    for (const alt of t.alternatives) out.add(alt.term);
  }
  // "How many cranes?" when no article says "crane": nothing can count them.
  if (phrase.length > 0 && out.size === 0) out.add(NOTHING);
  return out;
}

const FOCUS =
  /^\W*(?:how\s+(?:much|many)|what(?:'s|’s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)|which)\s+((?:[\p{L}'’-]+\s*){1,6})/iu;

/**
 * The first nouns after the question word, past auxiliaries, articles and possessive
 * names: "how much will a ticket on the ferry cost" → ticket. Lower-case words only.
 */
function focusOf(question: string): string[] {
  const m = FOCUS.exec(question);
  if (!m) return [];
  const out: string[] = [];
  for (const raw of m[1]!.trim().split(/\s+/)) {
    if (/['’]s$/.test(raw) || /^\p{Lu}/u.test(raw)) continue;
    const word = words(raw)[0];
    if (!word || STOP_WORDS.has(word) || QUESTION_WORDS.has(word)) {
      if (out.length > 0) break;
      continue;
    }
    out.push(word);
    if (out.length === 2) break;
  }
  return out;
}

/**
 * The topic of a question as weighted terms: each word that is not a question, stop or
 * chat word, with its idf in this corpus. A word the corpus never uses is corrected to a
 * corpus word within a small edit distance when one exists; otherwise it is set aside as
 * unmatched rather than counted against the passages (an ordinary word the articles
 * happen not to use is no evidence that they don't answer).
 */
export function readTopic(
  question: string,
  snapshot: CorpusSnapshot,
  excluded: ReadonlySet<string>,
): Topic {
  const index = snapshot.index;
  const n = Math.max(1, index.size);
  const idf = (df: number) => Math.log(1 + n / df);
  const terms: TopicTerm[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  for (const word of words(question)) {
    if (STOP_WORDS.has(word) || QUESTION_WORDS.has(word) || FILLER_WORDS.has(word)) continue;
    let term = termOf(word);
    if (excluded.has(term) || seen.has(term)) continue;
    seen.add(term);
    let df = index.documentFrequency(term);
    let factor = 1;
    if (df === 0 && !/\d/.test(word) && !isEnglishWord(word)) {
      const corrected = nearestWords(snapshot, word)
        .map((w) => ({ term: termOf(w), df: index.documentFrequency(termOf(w)) }))
        .filter((c) => c.df > 0)
        .sort((a, b) => b.df - a.df)[0];
      if (corrected && !excluded.has(corrected.term)) {
        term = corrected.term;
        df = corrected.df;
        factor = CORRECTED;
      }
    }
    const alternatives: TopicTerm["alternatives"] = [];
    let synonymDf = 0;
    for (const s of SYNONYMS.get(term) ?? []) {
      const sdf = index.documentFrequency(s);
      if (sdf > 0) alternatives.push({ term: s, factor: SYNONYM });
      synonymDf = Math.max(synonymDf, sdf);
    }
    for (const form of familyForms(word)) {
      const t = termOf(form);
      const fdf = t === term ? 0 : index.documentFrequency(t);
      if (fdf === 0 || alternatives.some((a) => a.term === t)) continue;
      alternatives.push({ term: t, factor: DERIVED });
      synonymDf = Math.max(synonymDf, fdf);
    }
    if (df === 0 && alternatives.length === 0) {
      unmatched.push(word);
      continue;
    }
    // A word the articles never use but whose synonym or family they do ("toddler" for
    // "child", "merger" for "merged") is asked through those alone, weighed as they are.
    if (df === 0) df = synonymDf;
    for (const place of PLACES.get(term) ?? []) {
      if (index.documentFrequency(place) > 0) alternatives.push({ term: place, factor: DERIVED });
    }
    for (const form of isEnglishWord(word) ? [] : derivedForms(word)) {
      const t = termOf(form);
      if (t !== term && index.documentFrequency(t) > 0)
        alternatives.push({ term: t, factor: DERIVED });
    }
    const light = LIGHT_WORDS.has(word) ? LIGHT : 1;
    terms.push({ word, term, weight: idf(df) * factor * light, alternatives });
  }
  const focusWords = focusOf(question);
  const ownerWords = words(OWNER.exec(question)?.[1] ?? "");
  const owner = terms
    .filter((t) => ownerWords.includes(t.word))
    .map((t) => new Set([t.term, ...t.alternatives.map((a) => a.term)]));
  const mean = terms.length > 0 ? terms.reduce((sum, t) => sum + t.weight, 0) / terms.length : 0;
  return {
    terms,
    unmatched,
    answerType: answerTypeOf(question),
    counted: countedTerms(question, terms),
    unknownFocus: focusWords.find((w) => unmatched.includes(w)) ?? null,
    focus: new Set(
      terms
        .filter((t) => focusWords.includes(t.word))
        .flatMap((t) => [t.term, ...t.alternatives.map((a) => a.term)]),
    ),
    owner,
    unmatchedWeight: UNMATCHED * mean * unmatched.length,
  };
}
