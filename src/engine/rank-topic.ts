import type { LexicalHit, PassageMatches } from "../search/lexical-index.ts";
import { analyzeText } from "../text/analyze.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import type { Topic } from "./read-topic.ts";
import { type ScoredPassage, scorePassages, searchTerms } from "./score-passages.ts";

/** Passages a search hands to scoring. */
const CANDIDATES = 60;

/**
 * The passages that answer a topic well enough: the search's candidates (or every passage
 * of `pool`), scored by coverage, kept at `minCoverage` or more and on what the question
 * asks for (its focus, a count, an amount).
 */
export function rankTopic(
  snapshot: CorpusSnapshot,
  topic: Topic,
  minCoverage: number,
  filter?: (id: number) => boolean,
  pool?: readonly number[],
): { strong: ScoredPassage[] } {
  const hits = pool
    ? poolHits(snapshot, searchTerms(topic), pool)
    : snapshot.index.search(searchTerms(topic), {
        limit: CANDIDATES,
        ...(filter ? { filter } : {}),
      });
  const scored = scorePassages(snapshot, topic, hits);
  const strong = scored.filter((s) => s.coverage >= minCoverage);
  // "How many schools?" is answered by a count of schools, not of something else, and
  // "how much" by a sentence with a number in it.
  // "What was the ferry's price?" is not answered by a sentence without the price.
  const counts = topic.counted.size > 0 || topic.answerType === "number";
  return { strong: strong.filter((s) => s.onFocus && (!counts || s.fits)) };
}

/** A speaker with at most this many statements has every one scored, not just those a search finds. */
export const POOL_LIMIT = 150;

/**
 * Every passage of `pool` as a search hit, its matches read from its sentence and its
 * context: its paragraph (and speaker, as the index has them), and the question before it
 * when the paragraph answers one (an interview's "Will you resign?" is what "That's for
 * the board to decide" is about). A speaker's few statements are all worth scoring: the
 * article's words for what they talk about may be nowhere in the sentence ("the sea came
 * over that wall").
 */
function poolHits(
  snapshot: CorpusSnapshot,
  terms: readonly string[],
  pool: readonly number[],
): LexicalHit[] {
  // The passage opening the paragraph before, when that paragraph is a question.
  const asked = pool.map((id) => {
    const p = snapshot.passages[id]!;
    const before = snapshot.articles[p.article]!.paragraphs[p.paragraph - 2];
    return before && ASKED.test(before)
      ? (snapshot.paragraphPassages.get(`${p.article}:${p.paragraph - 1}`)?.[0] ?? -1)
      : -1;
  });
  const matches = matchesOf(snapshot, terms, [...pool, ...asked]);
  return pool.map((id, i) => {
    const own = matches[i]!;
    const question = asked[i]! >= 0 ? matches[pool.length + i]!.matched : [];
    return {
      id,
      score: 0,
      matched: question.length > 0 ? [...new Set([...own.matched, ...question])] : own.matched,
      matchedInText: own.matchedInText,
    };
  });
}

const ASKED = /\?\s*$/;

/**
 * Which of `terms` each passage has, from the index when it can tell (a binary search per
 * term and passage), else by analysing its sentence and paragraph: a speaker's 150
 * statements re-analysed were a third of a slow question's time.
 */
function matchesOf(
  snapshot: CorpusSnapshot,
  terms: readonly string[],
  ids: readonly number[],
): PassageMatches[] {
  const fromIndex = snapshot.index.matchesOf?.(terms, ids);
  if (fromIndex) return fromIndex;
  const wanted = new Set(terms);
  return ids.map((id) => {
    if (id < 0) return { matched: [], matchedInText: [] };
    const p = snapshot.passages[id]!;
    const paragraph = snapshot.articles[p.article]!.paragraphs[p.paragraph - 1]!;
    // The context the index gives a passage: its paragraph, its speaker's name and role.
    const who = p.speaker >= 0 ? `${snapshot.speakers.get(p.speaker).name} ${p.role ?? ""}` : "";
    return {
      matched: [...new Set(analyzeText(`${paragraph} ${who}`))].filter((t) => wanted.has(t)),
      matchedInText: analyzeText(paragraph.slice(p.start, p.end)).filter((t) => wanted.has(t)),
    };
  });
}
