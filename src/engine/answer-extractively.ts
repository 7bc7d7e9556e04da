import type { Answer, Quote, QuoteSource } from "../answer/answer.ts";
import { buildQuote, quoteIsVerbatim } from "../answer/build-quote.ts";
import { renderQuotesPlain } from "../answer/render-plain-text.ts";
import type { Logger } from "../log/logger.ts";
import type { LexicalHit } from "../search/lexical-index.ts";
import { nameKey } from "../speakers/name-key.ts";
import { analyzeQuestion, analyzeText, words } from "../text/analyze.ts";
import { type CorpusSnapshot, passageText } from "./corpus-snapshot.ts";
import { describeCorpus } from "./describe-corpus.ts";
import type { SeenQuote } from "./engine.ts";
import { findUnknownName } from "./find-unknown-name.ts";
import { groupRetellings } from "./group-retellings.ts";
import { readTopic, type Topic } from "./read-topic.ts";
import { type ScoredPassage, scorePassages, searchTerms } from "./score-passages.ts";
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
const CANDIDATES = 60;

export interface ExtractiveOptions {
  maxQuotes: number;
  offset: number;
  seen: readonly SeenQuote[];
  logger: Logger;
  /** Overrides MIN_COVERAGE and MIN_SPEAKER_COVERAGE (the eval's curve sweeps them). */
  minCoverage?: number;
  minSpeakerCoverage?: number;
}

/** Ranked passage ids for a question, or why there are none. */
export type Ranking = { ok: true; ranked: number[] } | { ok: false; reason: string };

function rankTopic(
  snapshot: CorpusSnapshot,
  topic: Topic,
  minCoverage: number,
  filter?: (id: number) => boolean,
  pool?: readonly number[],
): { strong: ScoredPassage[]; best: number } {
  const hits = pool
    ? poolHits(snapshot, searchTerms(topic), pool)
    : snapshot.index.search(searchTerms(topic), {
        limit: CANDIDATES,
        ...(filter ? { filter } : {}),
      });
  const scored = scorePassages(snapshot, topic, hits);
  const best = scored.reduce((m, s) => Math.max(m, s.coverage), 0);
  const strong = scored.filter((s) => s.coverage >= minCoverage);
  // "How many schools?" is answered by a count of schools, not of something else, and
  // "how much" by a sentence with a number in it.
  // "What was the ferry's price?" is not answered by a sentence without the price.
  const counts = topic.counted.size > 0 || topic.answerType === "number";
  return { strong: strong.filter((s) => s.onFocus && (!counts || s.fits)), best };
}

/** A speaker with at most this many statements has every one scored, not just those a search finds. */
const POOL_LIMIT = 150;

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

/** Words that ask for what someone said, wrote or thinks, rather than for a fact. */
const SPEECH_FRAME =
  /\b(say|says|said|saying|tell|tells|told|quotes?|quoted|comments?|commented|statements?|remarks?|claim(s|ed)?|announce[ds]?|warn(s|ed)?|react(s|ed)?|respond(s|ed)?|response|think|thinks|thought|position|views?|stance|den(y|ied|ies)|accuse[ds]?|insist(s|ed)?|admit(s|ted)?|describe[ds]?|mean|meant|argue[ds]?|blame[ds]?|promise[ds]?|predict(s|ed)?|confirm(s|ed)?|write|wrote|posts?|posted|explain(s|ed)?|reply|replied|want(s|ed)?|call(s|ed)?)\b/i;

/** Where a question first names one of `aliases` (name keys), or -1. */
function firstMention(question: string, aliases: readonly string[]): number {
  const tokens = [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)].map((m) => ({
    key: nameKey(m[0]),
    at: m.index,
  }));
  let first = -1;
  for (const alias of aliases) {
    const parts = alias.split(" ");
    for (let i = 0; i + parts.length <= tokens.length; i++) {
      if (parts.every((p, k) => tokens[i + k]!.key === p)) {
        if (first < 0 || tokens[i]!.at < first) first = tokens[i]!.at;
        break;
      }
    }
  }
  return first;
}

/** A question for a fact rather than for words: "what's X's salary?", "when is the vote?" */
const FACT_QUESTION =
  /^\W*(?:what(?:'s|’s|\s+is|\s+was|\s+are|\s+were)|how\s+(?:much|many|old|long|far)|when\s+(?:is|was|will|are|were)|where)\b/i;

const ASKS_WHO = /^\W*who(m|'s)?\b/i;

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

/**
 * The speakers a question asks to hear from, of those it names or describes (see the
 * comments inside), and the analysed words of the names it uses as topic instead.
 */
export function speakersAsked(
  snapshot: CorpusSnapshot,
  question: string,
  intent: QuestionIntent,
): { speakers: readonly number[]; topical: string[] } {
  // An organisation or a place that speaks somewhere is the topic, not the speaker, of a
  // question that asks for no statement: "how many people left Dunmore?"
  // "Who said …?" asks for the speaker: a name or a role in it is part of what was said.
  let speakers =
    (intent.speakerSource !== "context" && ASKS_WHO.test(question)) ||
    (intent.speakerSource === "name" &&
      !SPEECH_FRAME.test(question) &&
      intent.speakers.every((id) => snapshot.speakers.get(id).kind !== "person"))
      ? []
      : intent.speakers;
  // "What did X say about Y?", "What did X tell Y?": whoever is named after the verb is
  // what was said or whom it was told, not who said it.
  const verb = SPEECH_FRAME.exec(question)?.index ?? -1;
  let topical: string[] = [];
  if (intent.speakerSource === "name" && speakers.length > 0 && verb >= 0) {
    // A name found only by a near spelling has no place here: keep it as asked.
    const before = speakers.filter((id) => {
      const at = firstMention(question, snapshot.speakers.get(id).aliases);
      return at < verb;
    });
    // Someone else is named before the verb ("the anonymous official"), so the names
    // after it are the listener or the subject.
    const someoneElse = before.length === 0 && analyzeQuestion(question.slice(0, verb)).length > 0;
    if ((before.length > 0 || someoneElse) && before.length < speakers.length) {
      topical = speakers
        .filter((id) => !before.includes(id))
        .flatMap((id) => analyzeQuestion(snapshot.speakers.get(id).name));
      speakers = before;
    }
  }
  return { speakers, topical };
}

/** Ranks passages for the intent: a speaker's statements, or the best topic passages. */
export function rankPassages(
  snapshot: CorpusSnapshot,
  question: string,
  intent: QuestionIntent,
  minCoverage = MIN_COVERAGE,
  speakerMin = MIN_SPEAKER_COVERAGE,
): Ranking {
  // A name the question understood (misspelt, transliterated) is known; a question in
  // another language has capitalised words of its own.
  const unknown =
    intent.unknownName ??
    (intent.language || intent.suggestion
      ? null
      : findUnknownName(question, snapshot, new Set(intent.nameWords)));
  if (unknown) return { ok: false, reason: `The articles I have don't mention ${unknown}.` };
  const { speakers, topical } = speakersAsked(snapshot, question, intent);
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
    const statements = speakers.flatMap((id) => snapshot.speakers.get(id).statements);
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
          statements.length <= POOL_LIMIT ? statements : undefined,
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
  return (id) => {
    const ws = words(passageText(snapshot, id));
    for (let start = 0; start < ws.length; start++) {
      let run = "";
      for (let n = 0; n < longest && start + n < ws.length; n++) {
        run = n === 0 ? ws[start]! : `${run} ${ws[start + n]}`;
        if (wanted.has(run)) return true;
      }
    }
    return false;
  };
}

/** Where a passage stands: its article and paragraph, for citing it. */
function sourceOf(snapshot: CorpusSnapshot, id: number): QuoteSource {
  const p = snapshot.passages[id]!;
  const a = snapshot.articles[p.article]!;
  return {
    articleId: a.id,
    title: a.title,
    publisher: a.publisher,
    url: a.url,
    published: a.published,
    paragraph: p.paragraph,
  };
}

/** The Quote for a passage, made from its offsets and checked against the paragraph. */
export function quoteForPassage(
  snapshot: CorpusSnapshot,
  id: number,
  logger: Logger,
): Quote | null {
  const p = snapshot.passages[id]!;
  const article = snapshot.articles[p.article]!;
  const speaker = p.speaker >= 0 ? snapshot.speakers.get(p.speaker).name : null;
  const quote = buildQuote(article, p.paragraph, p.start, p.end, speaker, p.role);
  if (!quote || !quoteIsVerbatim(quote, article)) {
    logger.error(
      { articleId: article.id, paragraph: p.paragraph, start: p.start, end: p.end },
      "quote failed verification; dropped",
    );
    return null;
  }
  return quote;
}

/** The extractive Answer: ranked sentences of the corpus, verbatim, with their sources. */
export function answerExtractively(
  snapshot: CorpusSnapshot,
  question: string,
  intent: QuestionIntent,
  options: ExtractiveOptions,
): { answer: Answer; ranked: number[] } {
  const asked = speakersAsked(snapshot, question, intent).speakers;
  const speaker = asked.length === 1 ? snapshot.speakers.get(asked[0]!).name : null;
  const ranking = rankPassages(
    snapshot,
    question,
    intent,
    options.minCoverage,
    options.minSpeakerCoverage,
  );
  // Keys in the contract's order, so `--json` reads status first.
  const notFound = (reason: string): Answer => ({
    status: "not_found",
    question,
    text: reason,
    quotes: [],
    reason,
    mode: "extractive",
    speaker,
    moreQuotes: 0,
  });
  if (!ranking.ok) {
    const reason = `${ranking.reason} ${describeCorpus(snapshot)}`;
    return {
      answer: notFound(reason),
      ranked: [],
    };
  }
  const seen = new Set(options.seen.map((s) => `${s.articleId}:${s.paragraph}:${s.start}`));
  // A first question has seen nothing: skip keying every ranked passage (thousands when a
  // role matches many speakers).
  const unseen =
    seen.size === 0
      ? ranking.ranked
      : ranking.ranked.filter((id) => {
          const p = snapshot.passages[id]!;
          return !seen.has(`${snapshot.articles[p.article]!.id}:${p.paragraph}:${p.start}`);
        });
  if (unseen.length === 0) {
    const reason = speaker
      ? `That is everything the articles quote from ${speaker}.`
      : "That is everything the articles say on that.";
    return {
      answer: notFound(reason),
      ranked: [],
    };
  }
  // The same statement carried by several outlets shows once, citing the others.
  const groups = groupRetellings(snapshot, unseen, options.offset + options.maxQuotes);
  const page = groups.slice(options.offset, options.offset + options.maxQuotes);
  const quotes = page
    .map((g) => {
      const quote = quoteForPassage(snapshot, g.id, options.logger);
      if (quote && g.others.length > 0) quote.alsoIn = g.others.map((id) => sourceOf(snapshot, id));
      return quote;
    })
    .filter((q): q is Quote => q !== null);
  const moreQuotes = Math.max(0, groups.length - options.offset - page.length);
  if (quotes.length === 0) {
    const reason = "No more quotes for that question.";
    return {
      answer: notFound(reason),
      ranked: unseen,
    };
  }
  return {
    answer: {
      status: "answered",
      question,
      text: renderQuotesPlain(quotes),
      quotes,
      mode: "extractive",
      speaker,
      moreQuotes,
    },
    ranked: unseen,
  };
}
