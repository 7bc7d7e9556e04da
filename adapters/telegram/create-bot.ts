import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import {
  AppError,
  type CorpusManager,
  type Engine,
  IN_MEMORY_STATE,
  type Logger,
  type SessionState,
} from "../../src/index.ts";
import { createAnswerInlineQuery } from "./answer-inline-query.ts";
import { createAnswerQuestion } from "./answer-question.ts";
import { logApiFailures, retryTransient } from "./api-transformers.ts";
import { questionAddressedToBot, stripBotMentions } from "./extract-question.ts";
import { createErrorBoundary } from "./handle-bot-error.ts";
import { createModeratorCommands } from "./moderator-commands.ts";
import { renderHelp, renderModeratorHelp } from "./render-help.ts";
import { SOURCES_CALLBACK } from "./render-sources-page.ts";
import { sendMessages } from "./send-messages.ts";
import { createSourcesCommand } from "./sources-command.ts";
import type { TelegramConfig } from "./telegram-config.ts";
import { plainMessage, type TelegramMessage } from "./telegram-message.ts";
import type { UpdateTracker } from "./update-tracker.ts";

/** Inline queries come as the person types: several per question. */
const INLINE_QUERIES_PER_QUESTION = 5;
const MINUTE_MS = 60_000;

export interface CreateBotOptions {
  engine: Engine;
  config: TelegramConfig;
  logger: Logger;
  /** Injected so tests control time (rate limits, follow-up expiry). */
  now?: () => number;
  /** Counts updates in flight for a clean shutdown; installed first when given. */
  tracker?: UpdateTracker;
  /** Skips the getMe call at start (tests, or a cached identity). */
  botInfo?: UserFromGetMe;
  /** The moderators' /add, /remove, /refresh; without it they say it is not available. */
  corpus?: CorpusManager;
  /** Pace of a moderator's status message edits (default 1.5 s). */
  statusIntervalMs?: number;
  /**
   * Where rate-limit counters and follow-up context live: shared ones (PostgreSQL) when
   * several instances answer; this process's memory by default.
   */
  state?: SessionState;
}

/** Updates of one chat are handled in order (a follow-up after its answer); chats run in parallel. */
function sequenceKey(ctx: Context): string | undefined {
  if (ctx.chat !== undefined) return `chat:${ctx.chat.id}`;
  return undefined;
}

/**
 * The grammY bot with all of its middleware, ready to be fed updates by long polling or
 * a webhook. Holds no answering logic: it extracts the question, asks the engine and
 * renders the Answer.
 */
export function createBot(options: CreateBotOptions): Bot {
  const { engine, config, logger, now } = options;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (token === undefined) {
    throw new AppError(
      "CONFIG_INVALID",
      "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather in Telegram and put its token in .env (see docs/telegram.md).",
    );
  }
  const bot = new Bot(token, {
    client: { apiRoot: config.TELEGRAM_API_ROOT },
    ...(options.botInfo !== undefined && { botInfo: options.botInfo }),
  });
  bot.api.config.use(logApiFailures(logger));
  bot.api.config.use(retryTransient());

  const limit = config.TELEGRAM_RATE_LIMIT_PER_MINUTE;
  const state = options.state ?? IN_MEMORY_STATE;
  const answerQuestion = createAnswerQuestion({
    engine,
    logger,
    limiter: state.rateLimiter("telegram", { limit, windowMs: MINUTE_MS, now }),
    limitPerMinute: limit,
    memory: state.followUps({ ttlMs: config.TELEGRAM_FOLLOW_UP_MINUTES * MINUTE_MS, now }),
    now,
  });
  const answerInlineQuery = createAnswerInlineQuery({
    engine,
    logger,
    limiter: state.rateLimiter("telegram-inline", {
      limit: limit * INLINE_QUERIES_PER_QUESTION,
      windowMs: MINUTE_MS,
      now,
    }),
  });
  const moderation = createModeratorCommands({
    corpus: options.corpus,
    moderatorIds: config.TELEGRAM_MODERATOR_IDS,
    logger,
    ...(options.tracker !== undefined && { track: options.tracker.track }),
    ...(options.statusIntervalMs !== undefined && { minIntervalMs: options.statusIntervalMs }),
  });
  const reply = (ctx: Context, messages: TelegramMessage[]) => {
    if (ctx.chat === undefined) return;
    const replyTo = ctx.chat.type === "private" ? undefined : ctx.msg?.message_id;
    return sendMessages(ctx.api, ctx.chat.id, messages, { replyTo, logger });
  };

  if (options.tracker !== undefined) bot.use(options.tracker.middleware);
  bot.use(sequentialize(sequenceKey));

  bot.command(["start", "help"], (ctx) => {
    const help = renderHelp(engine, ctx.me.username);
    return reply(ctx, moderation.isModerator(ctx.from) ? [...help, renderModeratorHelp()] : help);
  });
  const sources = createSourcesCommand({
    engine,
    logger,
    corpus: options.corpus,
    isModerator: moderation.isModerator,
  });
  bot.command("sources", sources.command);
  bot.callbackQuery(SOURCES_CALLBACK, sources.turnPage);
  bot.command("add", (ctx) => moderation.run(ctx, { action: "add", url: ctx.match }));
  bot.command("remove", (ctx) => moderation.run(ctx, { action: "remove", id: ctx.match }));
  bot.command("refresh", (ctx) => moderation.run(ctx, { action: "refresh" }));
  bot.command("ask", (ctx) => answerQuestion(ctx, ctx.match));
  bot.on("inline_query", answerInlineQuery);

  const privateChat = bot.chatType("private");
  privateChat.on("message:text", (ctx) => {
    if (ctx.msg.text.startsWith("/")) {
      return reply(ctx, [
        plainMessage("I don't know that command. Send /help to see what I can do."),
      ]);
    }
    return answerQuestion(ctx, stripBotMentions(ctx.msg, ctx.me).text);
  });

  // In groups only what is addressed to the bot; with privacy mode on (the default)
  // Telegram does not even deliver the rest.
  bot.chatType(["group", "supergroup"]).on("message:text", (ctx) => {
    const question = questionAddressedToBot(ctx.msg, ctx.me);
    return question === null ? undefined : answerQuestion(ctx, question);
  });

  bot.catch(createErrorBoundary(logger));
  return bot;
}
