import { analyzeQuestion, words } from "../text/analyze.ts";
import { type CorpusSnapshot, passageText } from "./corpus-snapshot.ts";
import { findUnknownName } from "./find-unknown-name.ts";
import { POOL_LIMIT, rankTopic } from "./rank-topic.ts";
import { readTopic } from "./read-topic.ts";
import { FACT_QUESTION, SPEECH_FRAME, speakersAsked } from "./speakers-asked.ts";
import type { QuestionIntent } from "./understand-question.ts";

/**
 * A passage must cover this share of the question's topic weight (see score-passages.ts)
 * to be an answer. Picked from the answered-right / refused curve over the development
 * set (`npm run eval -- --curve`): lower lets unanswerable questions through, higher
 * refuses answerable ones. docs/quality.md has the curve.
 */
export const MIN_COVERAGE = 0.45;
/**
 * A question that names a speaker but asks for no statement, answered from any passage
 * with the name among its topic words, must be covered this well: names weigh much, and
 * a passage that merely names them is no answer.
 */
export const MIN_FACT_COVERAGE = 0.65;
/** The same for a named speaker's own statements: the person is already matched. */
export const MIN_SPEAKER_COVERAGE = 0.35;

/** Ranked passage ids for a question, or why there are none. */
export type Ranking = { ok: true; ranked: number[] } | { ok: false; reason: string };

const QUOTATION_MARK = /[“”"«»„]/;
/** Per passage: 0 not looked at yet, 1 reported speech, 2 a quotation. Filled as asked. */
const DIRECT = new WeakMap<CorpusSnapshot, Uint8Array>();

/** Their own words first: sentences with a quotation, then reported speech, each in corpus order. */
function directFirst(snapshot: CorpusSnapshot, ids: number[]): number[] {
  let marks = DIRECT.get(snapshot);
  if (!marks) {
    marks = new Uint8Array(snapshot.passages.length);
    DIRECT.set(snapshot, marks);
  }
  const direct = (id: number) => {
    if (marks[id] === 0) {
      marks[id] = QUOTATION_MARK.test(passageText(snapshot, id)) ? 2 : 1;
    }
    return marks[id] === 2;
  };
  return [...ids.filter(direct), ...ids.filter((id) => !direct(id))];
}

/** "about toddlers, jabs" for a not-found reason, or "on that". */
function aboutWhat(words: readonly string[]): string {
  return words.length > 0 ? `about ${words.slice(0, 5).join(", ")}` : "on that";
}

/** The titles of the articles that quote these speakers: what they did talk about. */
function theirArticles(snapshot: CorpusSnapshot, speakers: readonly number[]): string {
  const titles = new Set<string>();
  for (const id of speakers)
    for (const p of snapshot.speakers.get(id).statements) {
      titles.add(`“${snapshot.articles[snapshot.passages[p]!.article]!.title}”`);
      if (titles.size >= 3) break;
    }
  return titles.size > 0 ? ` They are quoted in ${[...titles].join("; ")}.` : "";
}

const PASSAGE_SPEAKERS = new WeakMap<CorpusSnapshot, Int32Array>();

/** Each passage's speaker id (-1 for none) in one typed array, once per snapshot. */
function passageSpeakers(snapshot: CorpusSnapshot): Int32Array {
  let speakers = PASSAGE_SPEAKERS.get(snapshot);
  if (!speakers) {
    speakers = Int32Array.from(snapshot.passages, (p) => p.speaker);
    PASSAGE_SPEAKERS.set(snapshot, speakers);
  }
  return speakers;
}

/** Ranks passages for the intent: a speaker's statements, or the best topic passages. */
export function rankPassages(
  snapshot: CorpusSnapshot,
  question: string,
  intent: QuestionIntent,
  minCoverage = MIN_COVERAGE,
  speakerMin = MIN_SPEAKER_COVERAGE,
  // Whose words it wants, when the caller has worked that out already.
  whose: ReturnType<typeof speakersAsked> = speakersAsked(snapshot, question, intent),
): Ranking {
  // A name the question understood (misspelt, transliterated) is known; a question in
  // another language has capitalised words of its own.
  const unknown =
    intent.unknownName ??
    (intent.language || intent.suggestion
      ? null
      : findUnknownName(question, snapshot, new Set(intent.nameWords)));
  if (unknown) return { ok: false, reason: `The articles I have don't mention ${unknown}.` };
  const { speakers, topical } = whose;
  const asked = new Set([...intent.terms, ...topical]);
  const excluded = new Set(
    speakers.length === 0 && intent.speakers.length > 0
      ? []
      : analyzeQuestion(question).filter((t) => !asked.has(t)),
  );
  const topic = readTopic(question, snapshot, excluded);
  if (speakers.length > 0) {
    const names = speakers.map((id) => snapshot.speakers.get(id).name).join(" and ");
    if (topic.terms.length === 0) {
      if (topic.unmatched.length > 0)
        return {
          ok: false,
          reason: `The articles quote ${names}, but not ${aboutWhat(topic.unmatched)}.${theirArticles(snapshot, speakers)}`,
        };
      const statements = speakers.flatMap((id) => snapshot.speakers.get(id).statements);
      return {
        ok: true,
        ranked: directFirst(
          snapshot,
          statements.sort((a, b) => a - b),
        ),
      };
    }
    // A question that asks for no statement ("what is X's salary?", "when is the Norvik
    // deal due?") is about a fact the name is part of: see below.
    const factual =
      !SPEECH_FRAME.test(question) &&
      intent.speakerSource !== "context" &&
      FACT_QUESTION.test(question);
    // A passage is one of their statements exactly when its speaker is one of them: marks
    // per speaker are far fewer than their statements (a role can match hundreds of people),
    // and the search calls this for every passage it touches.
    const speakerOf = passageSpeakers(snapshot);
    const theirs = new Uint8Array(snapshot.speakers.all.length);
    for (const id of speakers) theirs[id] = 1;
    // Listed only when few enough to score them all: a role can hold thousands.
    let count = 0;
    for (const id of speakers) count += snapshot.speakers.get(id).statements.length;
    const pool =
      count <= POOL_LIMIT
        ? speakers.flatMap((id) => snapshot.speakers.get(id).statements)
        : undefined;
    const own = factual
      ? { strong: [] }
      : rankTopic(
          snapshot,
          topic,
          speakerMin,
          (id) => {
            const speaker = speakerOf[id]!;
            return speaker >= 0 && theirs[speaker] === 1;
          },
          pool,
        );
    if (own.strong.length > 0) return { ok: true, ranked: own.strong.map((s) => s.id) };
    // Not in their own statements: passages about them that match the topic.
    const about = factual
      ? { strong: [] }
      : rankTopic(snapshot, topic, Math.max(minCoverage, MIN_FACT_COVERAGE));
    if (about.strong.length > 0) {
      const mentions = mentionsAny(
        snapshot,
        speakers.flatMap((id) => snapshot.speakers.get(id).aliases),
      );
      const ranked = about.strong.filter((s) => mentions(s.id)).map((s) => s.id);
      if (ranked.length > 0) return { ok: true, ranked };
    }
    // Asked for a fact: ask again with the name among the topic words.
    if (!SPEECH_FRAME.test(question) && intent.speakerSource !== "context") {
      const named = readTopic(question, snapshot, new Set());
      const facts = rankTopic(snapshot, named, Math.max(minCoverage, MIN_FACT_COVERAGE));
      if (facts.strong.length > 0) return { ok: true, ranked: facts.strong.map((s) => s.id) };
    }
    return {
      ok: false,
      reason: `The articles quote ${names}, but not ${aboutWhat(topic.unmatched)}.${theirArticles(snapshot, speakers)}`,
    };
  }
  if (topic.terms.length === 0) {
    return {
      ok: false,
      reason:
        topic.unmatched.length > 0
          ? `The articles I have don't mention ${topic.unmatched.slice(0, 5).join(", ")}.`
          : "I could not find a topic in that question: ask about a person, an event or a place.",
    };
  }
  // Most of what it asks about is words the articles never use ("How much does bitcoin
  // cost?"), or the very thing it asks about is ("how much is a ticket?").
  if (topic.unmatched.length >= topic.terms.length || topic.unknownFocus)
    return {
      ok: false,
      reason: `The articles I have don't mention ${topic.unmatched.slice(0, 5).join(", ")}.`,
    };
  const found = rankTopic(snapshot, topic, minCoverage);
  if (found.strong.length === 0) {
    return {
      ok: false,
      reason: "I found nothing in the articles that answers this closely enough.",
    };
  }
  return { ok: true, ranked: found.strong.map((s) => s.id) };
}

/**
 * Whether a passage names any of `aliases` (or their y-spelling), as whole words. The
 * aliases go into a set once and each passage's word runs are looked up in it: a role
 * such as "minister" can match hundreds of speakers, and testing every alias against
 * every passage took tens of milliseconds.
 */
function mentionsAny(
  snapshot: CorpusSnapshot,
  aliases: readonly string[],
): (id: number) => boolean {
  const wanted = new Set(aliases.flatMap((a) => [a, a.replace(/i/g, "y")]));
  const longest = Math.max(0, ...[...wanted].map((a) => a.split(" ").length));
  // A run can only match starting at an alias's first word: other words start none.
  const firstWords = new Set([...wanted].map((a) => a.split(" ")[0]!));
  return (id) => {
    const ws = words(passageText(snapshot, id));
    for (let start = 0; start < ws.length; start++) {
      if (!firstWords.has(ws[start]!)) continue;
      let run = "";
      for (let n = 0; n < longest && start + n < ws.length; n++) {
        run = n === 0 ? ws[start]! : `${run} ${ws[start + n]}`;
        if (wanted.has(run)) return true;
      }
    }
    return false;
  };
}
