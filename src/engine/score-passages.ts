import type { LexicalHit } from "../search/lexical-index.ts";
import { analyzeText, termOf, words } from "../text/analyze.ts";
import { type CorpusSnapshot, passageText } from "./corpus-snapshot.ts";
import type { AnswerType, Topic } from "./read-topic.ts";

/** How much a term found only in the sentence's paragraph, or in its article's title, counts. */
const IN_PARAGRAPH = 0.5;
const IN_TITLE = 0.3;
/** What fitting the answer type adds to a passage's rank (not to its coverage). */
const TYPE_BONUS = 0.12;
/** What the question's words in the question's order, close together, add to a rank. */
const ORDER_BONUS = 0.15;
/** Words apart that still count as "close together": a misremembered quote drops a few. */
const NEAR = 3;
const CACHE_LIMIT = 20_000;
/** What a sentence that is itself a question loses in rank. */
const ASKED_PENALTY = 0.3;
/** Candidates, best first by coverage, whose word order and answer type are read. */
const DETAILED = 15;

export interface ScoredPassage {
  id: number;
  /** Share of the topic's weight the passage covers, 0..1: what abstention looks at. */
  coverage: number;
  /** Coverage plus what ranks among equals: answer type, search score. */
  score: number;
  /** It has what the question asks for: a number before the counted noun, for "how many". */
  fits: boolean;
  /** It (or its paragraph) names the thing the question asks about, when there is one. */
  onFocus: boolean;
}

const TITLE_TERMS = new WeakMap<CorpusSnapshot, Map<number, ReadonlySet<string>>>();

function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    // Bounded: a large corpus must not keep every paragraph's terms twice.
    if (map.size >= CACHE_LIMIT) map.clear();
    map.set(key, value);
  }
  return value;
}

function perSnapshot<K, V>(store: WeakMap<CorpusSnapshot, Map<K, V>>, s: CorpusSnapshot) {
  let map = store.get(s);
  if (!map) {
    map = new Map();
    store.set(s, map);
  }
  return map;
}

const NUMBER =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|half|third|quarter)\b/i;
const DATE =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|week|month|year|spring|summer|autumn|winter)\b|\b(1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b/i;
/** An amount, as "how much", "how long" or "what percentage" ask for: not "four months later". */
const AMOUNT =
  /\d|\b(dozens?|hundreds?|thousands?|millions?|billions?|trillions?|half|third|quarter)\b/i;
const MAGNITUDE =
  /^(dozens?|hundreds?|thousands?|millions?|billions?|trillions?|half|third|quarter|bn|m)$/;
const NAME = /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u;
const NUMBER_WORD = new RegExp(`^(${NUMBER.source.replace(/\\d\|/, "")})$`, "i");
/** Words a count may stand before its noun by: "41 of those houses". */
const COUNT_REACH = 3;
const ORDINAL_OR_YEAR = /^(\d+(st|nd|rd|th)|1[89]\d\d|20\d\d)$/;
const MONTH =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$/;
/** Units that make a number a measure of something else: "21 days from schools". */
const MEASURE =
  /^(second|minute|hour|day|week|month|year|decade|percent|per|cent|km|kilometre|kilometer|mile|metre|meter)s?$/;

/** Whether a number stands before one of the counted terms, within COUNT_REACH words. */
function countsTerm(text: string, counted: ReadonlySet<string>): boolean {
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    if (!/\d/.test(ws[i]!) && !NUMBER_WORD.test(ws[i]!)) continue;
    // A date is no count: "August 6th", "6 August", "in 2025".
    if (ORDINAL_OR_YEAR.test(ws[i]!) || MONTH.test(ws[i - 1] ?? "") || MONTH.test(ws[i + 1] ?? ""))
      continue;
    for (let j = i + 1; j <= i + COUNT_REACH && j < ws.length; j++) {
      if (counted.has(termOf(ws[j]!))) return true;
      if (MEASURE.test(ws[j]!)) break;
    }
  }
  return false;
}

/** A number that is no date ("1 January", "2025", "6th"), or a magnitude word. */
function hasAmount(text: string): boolean {
  if (!AMOUNT.test(text)) return false;
  const ws = words(text);
  return ws.some(
    (w, i) =>
      MAGNITUDE.test(w) ||
      (/\d/.test(w) &&
        !ORDINAL_OR_YEAR.test(w) &&
        !MONTH.test(ws[i - 1] ?? "") &&
        !MONTH.test(ws[i + 1] ?? "")),
  );
}

function fitsType(type: AnswerType, text: string, hasSpeaker: boolean): boolean {
  if (type === "number") return hasAmount(text);
  if (type === "date") return DATE.test(text);
  if (type === "person") return hasSpeaker || NAME.test(text);
  return false;
}

/**
 * The share of the question's neighbouring topic words (in the question's order) that
 * the sentence also has in that order, at most NEAR words apart: a quotation remembered
 * nearly word for word ("the sea doesn't care who the mayor is") finds its sentence.
 */
function inOrder(topic: Topic, sequence: readonly string[]): number {
  const pairs = topic.terms.length - 1;
  if (pairs < 1) return 0;
  const positions = new Map<string, number[]>();
  sequence.forEach((t, i) => {
    const list = positions.get(t);
    if (list) list.push(i);
    else positions.set(t, [i]);
  });
  let near = 0;
  for (let i = 0; i < pairs; i++) {
    const a = positions.get(topic.terms[i]!.term);
    const b = positions.get(topic.terms[i + 1]!.term);
    if (a && b && a.some((x) => b.some((y) => y > x && y - x <= NEAR))) near++;
  }
  return near / pairs;
}

/**
 * Scores candidate passages against the topic: each topic term counts its weight when
 * the sentence has it (or an alternative, at the alternative's factor), half when only
 * its paragraph has it, less when only the article's title does. Coverage is the share
 * of the topic's whole weight found; ranking adds a bonus for fitting the answer type
 * and a small share of the search score to order equals.
 */
export function scorePassages(
  snapshot: CorpusSnapshot,
  topic: Topic,
  hits: readonly LexicalHit[],
): ScoredPassage[] {
  const total = topic.terms.reduce((sum, t) => sum + t.weight, 0) + topic.unmatchedWeight;
  if (total === 0 || hits.length === 0) return [];
  const titles = perSnapshot(TITLE_TERMS, snapshot);
  const maxSearch = Math.max(...hits.map((h) => h.score)) || 1;
  const textOf = (id: number) => passageText(snapshot, id);
  const scored = hits.map((hit) => {
    const p = snapshot.passages[hit.id]!;
    const article = snapshot.articles[p.article]!;
    // The search tells which terms the sentence itself has (an index that cannot tell has
    // the sentence analysed here); a term matched only in the passage's context (its
    // paragraph, its speaker) counts as its paragraph's.
    const inText = hit.matchedInText ?? analyzeText(textOf(hit.id));
    const title = cached(titles, p.article, () => new Set(analyzeText(article.title)));
    const found = (term: string) =>
      inText.includes(term)
        ? 1
        : hit.matched.includes(term)
          ? IN_PARAGRAPH
          : title.has(term)
            ? IN_TITLE
            : 0;
    let covered = 0;
    for (const t of topic.terms) {
      let best = found(t.term);
      for (const alt of t.alternatives) {
        if (best >= alt.factor) break;
        best = Math.max(best, alt.factor * found(alt.term));
      }
      covered += t.weight * best;
    }
    const coverage = covered / total;
    let onFocus = topic.focus.size === 0;
    for (const f of topic.focus) if (!onFocus && found(f) >= IN_PARAGRAPH) onFocus = true;
    return {
      id: hit.id,
      coverage,
      score: coverage + (0.05 * hit.score) / maxSearch,
      fits: false,
      onFocus,
    };
  });
  scored.sort((a, b) => b.score - a.score || a.id - b.id);
  // What needs the sentence's words in order (answer type, word order) is read for the
  // best few only: the bonuses reorder those, never decide what is strong enough. A count
  // is read for every candidate, as "how many X" shows counts of X only.
  const everyFit = topic.counted.size > 0 || topic.answerType === "number";
  scored.forEach((s, rank) => {
    if (rank >= DETAILED && !everyFit) return;
    const text = textOf(s.id);
    s.fits =
      (topic.counted.size > 0
        ? countsTerm(text, topic.counted)
        : fitsType(topic.answerType, text, snapshot.passages[s.id]!.speaker >= 0)) &&
      namesOwner(topic, text);
    if (rank < DETAILED) {
      s.score += (s.fits ? TYPE_BONUS : 0) + ORDER_BONUS * inOrder(topic, analyzeText(text));
      // An article's own question ("Why are analysts worried?") heads an answer; it is none.
      if (/\?\s*$/.test(text)) s.score -= ASKED_PENALTY;
    }
  });
  return scored.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** The sentence names whose quantity is asked for, when the question names it. */
function namesOwner(topic: Topic, text: string): boolean {
  if (topic.owner.length === 0) return true;
  const have = new Set(analyzeText(text));
  return topic.owner.every((terms) => [...terms].some((t) => have.has(t)));
}

/** Every term a search for the topic should look for: the terms and their alternatives. */
export function searchTerms(topic: Topic): string[] {
  return [...new Set(topic.terms.flatMap((t) => [t.term, ...t.alternatives.map((a) => a.term)]))];
}
