import type { Context } from "grammy";
import {
  describeWait,
  type Engine,
  type FollowUpStore,
  type Logger,
  type RateLimiter,
} from "../../src/index.ts";
import { renderAnswerHtml } from "./render-answer-html.ts";
import { sendMessages } from "./send-messages.ts";
import { plainMessage } from "./telegram-message.ts";
import { startTyping } from "./typing-indicator.ts";

export interface QuestionDeps {
  engine: Engine;
  logger: Logger;
  limiter: RateLimiter;
  limitPerMinute: number;
  memory: FollowUpStore;
  now?: () => number;
}

export type AnswerQuestion = (ctx: Context, question: string) => Promise<void>;

/** Users told "slow down" recently, so a flood gets one notice rather than one per message. */
const MAX_TOLD = 10_000;

/**
 * Answers one question in the chat it came from: checks length and the per-user limit,
 * shows "typing…", asks the engine with the chat's follow-up context, remembers the
 * answer and sends it (threaded under the question outside private chats). Engine errors
 * propagate to the bot's one error boundary.
 */
export function createAnswerQuestion(deps: QuestionDeps): AnswerQuestion {
  const { engine, logger, limiter, memory, now = Date.now } = deps;
  const toldUntil = new Map<number, number>();

  return async (ctx, rawQuestion) => {
    const chat = ctx.chat;
    const from = ctx.from;
    const asked = ctx.msg;
    if (chat === undefined || from === undefined || asked === undefined) return;
    const replyTo = chat.type === "private" ? undefined : asked.message_id;
    const say = (text: string) =>
      sendMessages(ctx.api, chat.id, [plainMessage(text)], { replyTo, logger });

    const question = rawQuestion.trim();
    if (question === "") {
      await say("Ask me a question after /ask, for example: /ask What did Lavrov say?");
      return;
    }
    if (question.length > engine.maxQuestionLength) {
      await say(
        `Your question is ${question.length.toLocaleString("en")} characters long; I take questions of up to ${engine.maxQuestionLength.toLocaleString("en")} characters. Please shorten it.`,
      );
      return;
    }

    const decision = await limiter.take(`telegram:${from.id}`);
    if (!decision.allowed) {
      const t = now();
      if ((toldUntil.get(from.id) ?? 0) > t) return;
      toldUntil.set(from.id, t + decision.retryAfterMs);
      if (toldUntil.size > MAX_TOLD) toldUntil.delete(toldUntil.keys().next().value ?? from.id);
      logger.info({ userId: from.id }, "question over the per-user limit");
      await say(
        `You have asked ${deps.limitPerMinute} questions in the last minute, which is my limit. Try again ${describeWait(decision.retryAfterMs)}.`,
      );
      return;
    }
    toldUntil.delete(from.id);

    // Prefixed: the follow-up store may be shared with other faces.
    const chatKey = `telegram:${chat.id}`;
    const stopTyping = startTyping(ctx.api, chat.id, logger);
    const started = now();
    let answer: Awaited<ReturnType<Engine["ask"]>>;
    try {
      answer = await engine.ask(question, { context: await memory.recall(chatKey) });
    } finally {
      stopTyping();
    }
    await memory.remember(chatKey, answer);
    logger.info(
      {
        chatType: chat.type,
        status: answer.status,
        quotes: answer.quotes.length,
        ms: now() - started,
      },
      "answered",
    );
    await sendMessages(ctx.api, chat.id, renderAnswerHtml(answer), { replyTo, logger });
  };
}
