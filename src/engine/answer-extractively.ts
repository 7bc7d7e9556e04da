import type { Answer, Quote } from "../answer/answer.ts";
import { buildQuote, quoteIsVerbatim } from "../answer/build-quote.ts";
import { renderQuotesPlain } from "../answer/render-plain-text.ts";
import type { Logger } from "../log/logger.ts";
import { analyzeQuestion, words } from "../text/analyze.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import { describeCorpus } from "./describe-corpus.ts";
import type { SeenQuote } from "./engine.ts";
import type { QuestionIntent } from "./understand-question.ts";

/**
 * A passage must contain this share of the question's weight (idf-weighted terms) to be
 * an answer. Set from the eval set (npm run eval): lower lets unanswerable questions
 * through, higher drops paraphrases.
 */
export const MIN_COVERAGE = 0.5;
const CANDIDATES = 60;

export interface ExtractiveOptions {
  maxQuotes: number;
  offset: number;
  seen: readonly SeenQuote[];
  logger: Logger;
}

/** Ranked passage ids for a question, or why there are none. */
export type Ranking = { ok: true; ranked: number[] } | { ok: false; reason: string };

function idf(snapshot: CorpusSnapshot, term: string): number {
  const n = snapshot.index.size;
  const df = snapshot.index.documentFrequency(term);
  // A term the corpus never uses weighs most: it is what the question is about.
  return df === 0 ? 1.5 * Math.log(1 + n) : Math.log(1 + n / df);
}

/** Words of the question whose terms the corpus never uses, as typed. */
function absentWords(question: string, snapshot: CorpusSnapshot): string[] {
  return words(question).filter((w) => {
    const terms = analyzeQuestion(w);
    return terms.length > 0 && terms.every((t) => snapshot.index.documentFrequency(t) === 0);
  });
}

function rankTopic(
  snapshot: CorpusSnapshot,
  question: string,
  terms: string[],
  filter?: (id: number) => boolean,
): Ranking {
  const known = terms.filter((t) => snapshot.index.documentFrequency(t) > 0);
  const total = terms.reduce((sum, t) => sum + idf(snapshot, t), 0);
  const knownWeight = known.reduce((sum, t) => sum + idf(snapshot, t), 0);
  if (known.length === 0 || knownWeight / total < MIN_COVERAGE) {
    const absent = absentWords(question, snapshot);
    const what = absent.length > 0 ? absent.slice(0, 5).join(", ") : "what you asked about";
    return { ok: false, reason: `The articles I have don't mention ${what}.` };
  }
  const hits = snapshot.index.search(known, { limit: CANDIDATES, ...(filter ? { filter } : {}) });
  const strong = hits.filter(
    (h) => h.matched.reduce((sum, t) => sum + idf(snapshot, t), 0) / total >= MIN_COVERAGE,
  );
  if (strong.length === 0) {
    return {
      ok: false,
      reason: "I found nothing in the articles that answers this closely enough.",
    };
  }
  return { ok: true, ranked: strong.map((h) => h.id) };
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
): Ranking {
  if (intent.unknownName)
    return { ok: false, reason: `The articles I have don't mention ${intent.unknownName}.` };
  if (intent.speakers.length > 0) {
    if (intent.terms.length === 0) {
      const statements = intent.speakers.flatMap((id) => snapshot.speakers.get(id).statements);
      return { ok: true, ranked: statements.sort((a, b) => a - b) };
    }
    // A passage is one of their statements exactly when its speaker is one of them: marks
    // per speaker are far fewer than their statements (a role can match hundreds of people),
    // and the search calls this for every passage it touches.
    const speakerOf = passageSpeakers(snapshot);
    const theirs = new Uint8Array(snapshot.speakers.all.length);
    for (const id of intent.speakers) theirs[id] = 1;
    const topical = rankTopic(snapshot, question, intent.terms, (id) => {
      const speaker = speakerOf[id]!;
      return speaker >= 0 && theirs[speaker] === 1;
    });
    if (topical.ok) return topical;
    // Not in their own statements: passages about them that match the topic.
    const about = rankTopic(snapshot, question, intent.terms);
    if (about.ok) {
      const mentions = mentionsAny(
        snapshot,
        intent.speakers.flatMap((id) => snapshot.speakers.get(id).aliases),
      );
      const ranked = about.ranked.filter(mentions);
      if (ranked.length > 0) return { ok: true, ranked };
    }
    const names = intent.speakers.map((id) => snapshot.speakers.get(id).name).join(" and ");
    const absent = absentWords(question, snapshot);
    const topic = absent.length > 0 ? `about ${absent.slice(0, 5).join(", ")}` : "on that";
    return { ok: false, reason: `The articles quote ${names}, but not ${topic}.` };
  }
  if (intent.terms.length === 0) {
    return {
      ok: false,
      reason: "I could not find a topic in that question: ask about a person, an event or a place.",
    };
  }
  return rankTopic(snapshot, question, intent.terms);
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
    const p = snapshot.passages[id]!;
    const text = snapshot.articles[p.article]!.paragraphs[p.paragraph - 1]!.slice(p.start, p.end);
    const ws = words(text);
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
  const speaker =
    intent.speakers.length === 1 ? snapshot.speakers.get(intent.speakers[0]!).name : null;
  const ranking = rankPassages(snapshot, question, intent);
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
  const page = unseen.slice(options.offset, options.offset + options.maxQuotes);
  const quotes = page
    .map((id) => quoteForPassage(snapshot, id, options.logger))
    .filter((q): q is Quote => q !== null);
  const moreQuotes = Math.max(0, unseen.length - options.offset - page.length);
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
