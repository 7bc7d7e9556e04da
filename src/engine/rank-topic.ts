import type { LexicalHit } from "../search/lexical-index.ts";
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
 * context: its paragraph, and the question before it when the paragraph answers one (an
 * interview's "Will you resign?" is what "That's for the board to decide" is about). A
 * speaker's few statements are all worth scoring: the article's words for what they
 * talk about may be nowhere in the sentence ("the sea came over that wall").
 */
function poolHits(
  snapshot: CorpusSnapshot,
  terms: readonly string[],
  pool: readonly number[],
): LexicalHit[] {
  const wanted = new Set(terms);
  return pool.map((id) => {
    const p = snapshot.passages[id]!;
    const paragraphs = snapshot.articles[p.article]!.paragraphs;
    const paragraph = paragraphs[p.paragraph - 1]!;
    const before = paragraphs[p.paragraph - 2];
    const context = [paragraph, before && /\?\s*$/.test(before) ? before : ""].join(" ");
    return {
      id,
      score: 0,
      matched: [...new Set(analyzeText(context))].filter((t) => wanted.has(t)),
      matchedInText: analyzeText(paragraph.slice(p.start, p.end)).filter((t) => wanted.has(t)),
    };
  });
}
