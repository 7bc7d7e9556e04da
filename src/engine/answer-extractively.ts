import type { Answer, Quote } from "../answer/answer.ts";
import { buildQuote, quoteIsVerbatim, quoteSource } from "../answer/build-quote.ts";
import { renderQuotesPlain } from "../answer/render-plain-text.ts";
import type { Logger } from "../log/logger.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import { describeCorpus } from "./describe-corpus.ts";
import type { SeenQuote } from "./engine.ts";
import { groupRetellings } from "./group-retellings.ts";
import { rankPassages } from "./rank-passages.ts";
import { speakersAsked } from "./speakers-asked.ts";
import type { QuestionIntent } from "./understand-question.ts";

export interface ExtractiveOptions {
  maxQuotes: number;
  offset: number;
  seen: readonly SeenQuote[];
  logger: Logger;
  /** Overrides MIN_COVERAGE and MIN_SPEAKER_COVERAGE (the eval's curve sweeps them). */
  minCoverage?: number;
  minSpeakerCoverage?: number;
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
  const asked = speakersAsked(snapshot, question, intent);
  const speaker =
    asked.speakers.length === 1 ? snapshot.speakers.get(asked.speakers[0]!).name : null;
  const ranking = rankPassages(
    snapshot,
    question,
    intent,
    options.minCoverage,
    options.minSpeakerCoverage,
    asked,
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
  const { groups, count } = groupRetellings(snapshot, unseen, options.offset + options.maxQuotes);
  const page = groups.slice(options.offset, options.offset + options.maxQuotes);
  const quotes = page
    .map((g) => {
      const quote = quoteForPassage(snapshot, g.id, options.logger);
      if (quote && g.others.length > 0)
        quote.alsoIn = g.others.map((id) => {
          const p = snapshot.passages[id]!;
          return quoteSource(snapshot.articles[p.article]!, p.paragraph);
        });
      return quote;
    })
    .filter((q): q is Quote => q !== null);
  const moreQuotes = Math.max(0, count - options.offset - page.length);
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
