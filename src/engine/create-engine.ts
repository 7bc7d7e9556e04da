import { type Answer, refusedAnswer } from "../answer/answer.ts";
import { quoteIsVerbatim } from "../answer/build-quote.ts";
import { DEFAULT_MAX_QUESTION_LENGTH } from "../config/engine-config.ts";
import type { Article } from "../corpus/article.ts";
import { type Logger, SILENT_LOGGER } from "../log/logger.ts";
import type { LexicalIndexFactory } from "../search/lexical-index.ts";
import { cutCodePoints } from "../text/cut-code-points.ts";
import { stripInvisible } from "../text/normalize.ts";
import { askedParts, splitQuestion } from "../text/split-question.ts";
import { stripMarkup } from "../text/strip-markup.ts";
import { answerExtractively } from "./answer-extractively.ts";
import { type ArticleAnalysis, analyzeArticle } from "./article-analysis.ts";
import type { AnswerComposer, QueryRewriter } from "./composer.ts";
import {
  buildSnapshot,
  type CorpusSnapshot,
  liveArticles,
  passageText,
} from "./corpus-snapshot.ts";
import { describeCorpus, quotedNames } from "./describe-corpus.ts";
import type { ArticleSummary, AskOptions, Engine, SpeakerSummary } from "./engine.ts";
import { explainIntent } from "./explain-intent.ts";
import { mergeAnswers } from "./merge-answers.ts";
import { retrievePassages } from "./retrieve-passages.ts";
import { keepSnapshot, MAX_ARTICLES_CHANGED_IN_PLACE } from "./snapshot-keeper.ts";
import { understandQuestion } from "./understand-question.ts";

export interface EngineOptions {
  articles: readonly Article[];
  logger?: Logger;
  /** Quotes per answer unless a call asks otherwise. */
  maxQuotes?: number;
  maxQuestionLength?: number;
  /** The LLM mode: writes the answer in other words; its quotes are verified again here. */
  composer?: AnswerComposer;
  /** Asked for other phrasings when the question as asked finds nothing. */
  rewriter?: QueryRewriter;
  indexFactory?: LexicalIndexFactory;
  /** The share of a question's topic a passage must cover to answer it (default MIN_COVERAGE). */
  minCoverage?: number;
  /** The same for a named speaker's statements (default MIN_SPEAKER_COVERAGE). */
  minSpeakerCoverage?: number;
  /** Each article's own analysis; a CorpusCache supplies it from disk (default: made afresh). */
  analyzeArticle?: (article: Article) => ArticleAnalysis;
  /** The clock that dates each snapshot (default: the system's). */
  now?: () => Date;
  /**
   * Builds the snapshot replaceArticles swaps in. loadEngine builds it in a worker thread
   * (build-snapshot-in-worker.ts) so questions keep being answered; by default it is built
   * here, on this thread.
   */
  buildSnapshot?: (articles: readonly Article[]) => Promise<CorpusSnapshot>;
  /**
   * A change of at most this many articles (added, removed or changed) is applied to the
   * current full build in place (extend-snapshot.ts: an index segment and a deletion
   * mask) and answerable at once, while the full build is made in the background and
   * swapped in when done. Default MAX_ARTICLES_CHANGED_IN_PLACE; 0 turns it off.
   */
  maxArticlesChangedInPlace?: number;
  /**
   * The first snapshot, already made from `articles` (loadEngine reads it from DATA_DIR or
   * builds it there to save it); by default it is built here.
   */
  snapshot?: CorpusSnapshot;
}

/** Longest question echoed back (in code points) in an Answer refused for its length. */
const ECHO_LIMIT = 200;

export function createEngine(options: EngineOptions): Engine {
  const logger = options.logger ?? SILENT_LOGGER;
  const maxQuotes = options.maxQuotes ?? 3;
  const maxQuestionLength = options.maxQuestionLength ?? DEFAULT_MAX_QUESTION_LENGTH;
  const keeper = keepSnapshot({
    first:
      options.snapshot ??
      buildSnapshot(options.articles, options.indexFactory, options.analyzeArticle),
    build:
      options.buildSnapshot ??
      (async (articles: readonly Article[]) =>
        buildSnapshot(articles, options.indexFactory, options.analyzeArticle)),
    maxInPlace: options.maxArticlesChangedInPlace ?? MAX_ARTICLES_CHANGED_IN_PLACE,
    analyze: options.analyzeArticle ?? analyzeArticle,
    logger,
    now: options.now ?? (() => new Date()),
  });

  // Every article's summary, once per snapshot: /sources and `corpus list` ask per request,
  // and walking every passage for every article was quadratic (14 s at 10,000 articles).
  const summariesOf = new WeakMap<CorpusSnapshot, readonly ArticleSummary[]>();

  // Articles by id, once per snapshot: building it per answer cost O(corpus) per question.
  const articlesById = new WeakMap<CorpusSnapshot, Map<string, Article>>();
  const articleOf = (current: CorpusSnapshot, id: string): Article | undefined => {
    let byId = articlesById.get(current);
    if (!byId) {
      byId = new Map(liveArticles(current).map((a) => [a.id, a]));
      articlesById.set(current, byId);
    }
    return byId.get(id);
  };

  /** The last gate: any quote that is not its paragraph's own characters is dropped. */
  const verified = (answer: Answer, current: CorpusSnapshot): Answer => {
    const quotes = answer.quotes.filter((q) => {
      const ok = quoteIsVerbatim(q, articleOf(current, q.source.articleId));
      if (!ok)
        logger.error(
          { articleId: q.source.articleId, paragraph: q.source.paragraph },
          "unverified quote dropped",
        );
      return ok;
    });
    return quotes.length === answer.quotes.length ? answer : { ...answer, quotes };
  };

  const extractive = (current: CorpusSnapshot, question: string, ask: AskOptions) => {
    const intent = understandQuestion(question, current, ask.context?.speaker ?? null);
    const result = answerExtractively(current, question, intent, {
      maxQuotes: ask.maxQuotes ?? maxQuotes,
      offset: ask.offset ?? 0,
      seen: ask.context?.seen ?? [],
      logger,
      ...(options.minCoverage !== undefined ? { minCoverage: options.minCoverage } : {}),
      ...(options.minSpeakerCoverage !== undefined
        ? { minSpeakerCoverage: options.minSpeakerCoverage }
        : {}),
    });
    // Names and languages: "Did you mean …?", "The articles are in English".
    return { ...result, answer: explainIntent(result.answer, intent, current) };
  };

  /** A message of several questions is answered part by part (see splitQuestion). */
  const answerParts = (current: CorpusSnapshot, question: string, ask: AskOptions) => {
    const parts = askedParts(splitQuestion(question));
    if (parts.length > 1) {
      const answers = parts.map((part) => extractive(current, part, ask));
      if (answers.some((a) => a.answer.status === "answered")) {
        return {
          answer: mergeAnswers(
            question,
            answers.map((a) => a.answer),
            ask.maxQuotes ?? maxQuotes,
          ),
          ranked: answers.flatMap((a) => a.ranked),
        };
      }
    }
    return extractive(current, question, ask);
  };

  return {
    maxQuestionLength,

    async ask(raw, ask = {}) {
      // Pasted HTML or Markdown ("<b>What did Lavrov say?</b>") is asked as its words.
      // Cleaned again after the markup: an entity ("&#x202E;") can decode to an invisible.
      const question = stripInvisible(stripMarkup(stripInvisible(raw)))
        .replace(/\s+/g, " ")
        .trim();
      if (question.length === 0)
        return refusedAnswer("", "empty_question", "Please ask a question: this one was empty.");
      if (question.length > maxQuestionLength) {
        const echo = `${cutCodePoints(question, ECHO_LIMIT)}…`;
        return refusedAnswer(
          echo,
          "question_too_long",
          `Questions can be at most ${maxQuestionLength} characters; this one has ${question.length}.`,
        );
      }
      // One snapshot for the whole question, even if a refresh swaps a new one in meanwhile.
      const current = keeper.current();
      let { answer, ranked } = answerParts(current, question, ask);

      if (answer.status === "not_found" && options.rewriter && !ask.context?.seen?.length) {
        try {
          for (const proposal of (await options.rewriter.rewrite(question, ask.signal)).slice(
            0,
            3,
          )) {
            const retry = extractive(current, proposal, ask);
            if (retry.answer.status === "answered") {
              logger.info({ proposal }, "rewritten question retrieved passages");
              answer = { ...retry.answer, question };
              ranked = retry.ranked;
              break;
            }
          }
        } catch (error) {
          logger.warn({ err: error }, "question rewriter failed; answering as asked");
        }
      }

      if (options.composer && answer.status === "answered" && (ask.offset ?? 0) === 0) {
        const passages = retrievePassages(current, ranked);
        try {
          const composed = verified(
            await options.composer.compose({
              question,
              passages,
              extractive: answer,
              signal: ask.signal,
            }),
            current,
          );
          if (composed.status === "answered" && composed.quotes.length === 0) {
            logger.warn("model answer kept no verified quote; using the extractive answer");
          } else {
            return composed;
          }
        } catch (error) {
          logger.warn({ err: error }, "composer failed; using the extractive answer");
        }
      }
      return verified(answer, current);
    },

    articles(): ArticleSummary[] {
      const current = keeper.current();
      let summaries = summariesOf.get(current);
      if (!summaries) {
        summaries = summarizeArticles(current);
        summariesOf.set(current, summaries);
      }
      return [...summaries];
    },

    speakers(): SpeakerSummary[] {
      const current = keeper.current();
      const order = new Map(quotedNames(current).map((name, i) => [name, i]));
      return current.speakers.all
        .filter((s) => s.kind !== "unnamed" && s.statements.length > 0)
        .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0))
        .map((s) => ({
          name: s.name,
          kind: s.kind,
          roles: [...s.roles],
          statements: s.statements.length,
        }));
    },

    statements() {
      const current = keeper.current();
      return current.passages
        .filter((p) => p.speaker >= 0 && !current.removed?.has(p.article))
        .map((p) => {
          const s = current.speakers.get(p.speaker);
          const article = current.articles[p.article]!;
          return {
            articleId: article.id,
            paragraph: p.paragraph,
            sentence: p.sentence,
            speaker: s.name,
            kind: s.kind,
            role: p.role,
            cue: p.cue ?? "",
            text: passageText(current, p.id),
          };
        });
    },

    suggestSpeakers(query, limit = 25) {
      const q = query.trim().toLowerCase();
      const all = this.speakers();
      if (!q) return all.slice(0, limit);
      const starts = all.filter((s) =>
        s.name
          .toLowerCase()
          .split(/\s+/)
          .some((w) => w.startsWith(q)),
      );
      const contains = all.filter(
        (s) => !starts.includes(s) && `${s.name} ${s.roles.join(" ")}`.toLowerCase().includes(q),
      );
      return [...starts, ...contains].slice(0, limit);
    },

    describeCorpus: () => describeCorpus(keeper.current()),

    corpusStatus: () => {
      const current = keeper.current();
      return {
        articles: current.articles.length - (current.removed?.size ?? 0),
        builtAt: keeper.builtAt(),
      };
    },

    replaceArticles: (articles) => keeper.replaceArticles(articles),
    merged: () => keeper.merged(),
  };
}

/** Each article with the people it quotes, in one pass over the passages. */
function summarizeArticles(current: CorpusSnapshot): ArticleSummary[] {
  const quoted = current.articles.map(() => new Set<number>());
  for (const p of current.passages) if (p.speaker >= 0) quoted[p.article]!.add(p.speaker);
  const summaries = current.articles.map((article, i) => ({
    id: article.id,
    title: article.title,
    publisher: article.publisher,
    url: article.url,
    published: article.published,
    language: article.language,
    paragraphs: article.paragraphs.length,
    speakers: [...quoted[i]!]
      .map((id) => current.speakers.get(id))
      .filter((s) => s.kind !== "unnamed")
      .map((s) => s.name),
  }));
  const { removed } = current;
  return removed && removed.size > 0 ? summaries.filter((_, i) => !removed.has(i)) : summaries;
}
