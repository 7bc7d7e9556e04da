import type { Context } from "grammy";
import type { InlineQueryResultArticle, InlineQueryResultsButton } from "grammy/types";
import {
  type Answer,
  describeWait,
  type Engine,
  type Logger,
  type RateLimiter,
} from "../../src/index.ts";
import { renderQuoteMessage } from "./render-answer-html.ts";
import { isParseError } from "./send-messages.ts";

/** Quotes offered per inline query: one result each. */
export const INLINE_RESULTS = 10;
/** Telegram caches identical queries this long; answers change only when the corpus does. */
const INLINE_CACHE_SECONDS = 60;
const SNIPPET_CHARS = 120;

function snippet(text: string): string {
  return text.length <= SNIPPET_CHARS ? text : `${text.slice(0, SNIPPET_CHARS - 1).trimEnd()}…`;
}

/** One article result per quote; choosing it sends the formatted quote with its source. */
export function inlineResults(answer: Answer, plain = false): InlineQueryResultArticle[] {
  return answer.quotes.map((quote, index) => {
    const message = renderQuoteMessage(quote);
    return {
      type: "article",
      id: `q${index}`,
      title: quote.speaker ?? quote.source.title,
      description: `${snippet(quote.text)} (${quote.source.publisher}, ¶${quote.source.paragraph})`,
      input_message_content: plain
        ? { message_text: message.plain, link_preview_options: { is_disabled: true } }
        : {
            message_text: message.html,
            parse_mode: "HTML",
            link_preview_options: { is_disabled: true },
          },
    };
  });
}

export interface InlineDeps {
  engine: Engine;
  logger: Logger;
  /** Inline queries arrive as the person types, so they get their own, looser limit. */
  limiter: RateLimiter;
}

/** The button above the results that opens a private chat with the bot (its /start). */
const button = (text: string): InlineQueryResultsButton => ({ text, start_parameter: "help" });

/**
 * `@bot question` in any chat. Empty, over-long, rate-limited and unanswered queries get
 * no results and a button saying why; answered ones one result per quote.
 */
export function createAnswerInlineQuery(deps: InlineDeps): (ctx: Context) => Promise<void> {
  const { engine, logger, limiter } = deps;
  return async (ctx) => {
    const query = ctx.inlineQuery;
    if (query === undefined) return;
    const question = query.query.trim();
    const none = (why: string) =>
      ctx.answerInlineQuery([], { cache_time: 0, is_personal: true, button: button(why) });

    if (question === "") {
      await none("Type a question, e.g. What did Lavrov say?");
      return;
    }
    if (question.length > engine.maxQuestionLength) {
      await none(`Questions can be up to ${engine.maxQuestionLength} characters`);
      return;
    }
    const decision = await limiter.take(`telegram-inline:${query.from.id}`);
    if (!decision.allowed) {
      await none(`Too many questions; try again ${describeWait(decision.retryAfterMs)}`);
      return;
    }

    const answer = await engine.ask(question, { maxQuotes: INLINE_RESULTS });
    logger.info({ status: answer.status, quotes: answer.quotes.length }, "answered inline query");
    if (answer.quotes.length === 0) {
      await none("No quote found: tap for what I know");
      return;
    }
    const options = { cache_time: INLINE_CACHE_SECONDS };
    try {
      await ctx.answerInlineQuery(inlineResults(answer), options);
    } catch (error) {
      if (!isParseError(error)) throw error;
      logger.warn({}, "telegram rejected inline HTML; answering with plain text");
      await ctx.answerInlineQuery(inlineResults(answer, true), options);
    }
  };
}
