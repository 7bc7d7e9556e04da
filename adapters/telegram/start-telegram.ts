import type { AddressInfo } from "node:net";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { type Bot, GrammyError, HttpError } from "grammy";
import {
  AppError,
  type CorpusManager,
  createFaceStatus,
  type Engine,
  type FaceStatusTracker,
  type HealthReport,
  healthReport,
  IN_MEMORY_STATE,
  type Logger,
  type SessionState,
} from "../../src/index.ts";
import { BOT_COMMANDS, MODERATOR_COMMANDS } from "./bot-commands.ts";
import { createBot } from "./create-bot.ts";
import { describeError } from "./handle-bot-error.ts";
import { type TelegramConfig, webhookSecret } from "./telegram-config.ts";
import { TELEGRAM_SERVING_STATES, type TelegramState } from "./telegram-state.ts";
import { createUpdateTracker } from "./update-tracker.ts";
import { createWebhookServer } from "./webhook-server.ts";

/** The updates the bot handles; Telegram sends nothing else. */
export const ALLOWED_UPDATES = ["message", "inline_query", "callback_query"] as const;
/** How long getUpdates waits for news on Telegram's side (long polling). */
const POLL_TIMEOUT_SECONDS = 30;
/** How long a shutdown lets answers in progress finish, unless told otherwise. */
const DRAIN_TIMEOUT_MS = 8_000;
/**
 * How long a shutdown tries to tell Telegram which updates are done. Bounded, and not
 * retried: with the Bot API unreachable, auto-retry would back off for hours and the
 * process would never exit.
 */
const CONFIRM_TIMEOUT_MS = 1_000;

export interface StartTelegramOptions {
  engine: Engine;
  config: TelegramConfig;
  logger: Logger;
  now?: () => number;
  /** The moderators' corpus commands; without it they say it is not available. */
  corpus?: CorpusManager;
  /** Pace of a moderator's status message edits (default 1.5 s). */
  statusIntervalMs?: number;
  /** How long `stop()` waits for answers in progress before stopping anyway (default 8 s). */
  drainTimeoutMs?: number;
  /**
   * Rate limits, follow-up context and (webhook mode) update claims: this process's
   * memory unless given; shared ones (PostgreSQL) when several instances take updates.
   */
  state?: SessionState;
  /**
   * Called when long polling stops by itself (another instance polls with the token, the
   * token was revoked): the bot no longer receives anything, so the caller should stop.
   */
  onFatal?: (error: unknown) => void;
  /** Kept up to date with the face's state; the caller reads it for health checks. */
  status?: FaceStatusTracker<TelegramState>;
  /** What the webhook server's `/healthz` reports (default: this face and the corpus). */
  health?: () => HealthReport;
}

export interface TelegramHandle {
  /** Stops taking updates, lets answers in progress finish, then returns. Idempotent. */
  stop(): Promise<void>;
  bot: Bot;
  /** Where the webhook server listens (webhook mode only); PORT=0 picks a free port. */
  webhookAddress?: { host: string; port: number };
}

/**
 * Checks the token with one getMe and turns failures into messages that say what to fix.
 * Called directly, not through `bot.init()`, which retries a dead network forever.
 */
async function connect(bot: Bot, config: TelegramConfig): Promise<void> {
  try {
    bot.botInfo = await bot.api.getMe();
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      throw new AppError(
        "CONFIG_INVALID",
        `Telegram rejected TELEGRAM_BOT_TOKEN (${error.error_code} ${error.description}). Copy the token from @BotFather again (/mybots, API Token).`,
        { cause: error },
      );
    }
    if (error instanceof HttpError) {
      throw new AppError(
        "CONFIG_INVALID",
        `Cannot reach the Telegram Bot API at ${config.TELEGRAM_API_ROOT}. Check the network, or TELEGRAM_API_ROOT if you set it.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Gives each moderator's private chat with the bot a menu with the moderator commands
 * too; everyone else keeps the public one. Telegram answers "chat not found" for a
 * moderator who never opened a chat with the bot: logged, and that moderator's commands
 * still work when typed.
 */
async function setModeratorMenus(bot: Bot, config: TelegramConfig, logger: Logger): Promise<void> {
  for (const id of config.TELEGRAM_MODERATOR_IDS) {
    try {
      await bot.api.setMyCommands([...BOT_COMMANDS, ...MODERATOR_COMMANDS], {
        scope: { type: "chat", chat_id: id },
      });
    } catch (error) {
      logger.warn(
        { moderatorId: id, err: describeError(error) },
        "could not set a moderator's command menu; the commands work when typed",
      );
    }
  }
}

/**
 * Starts the Telegram face: checks the token (getMe), sets the command menu, then takes
 * updates by long polling (grammY runner: chats in parallel, each chat in order) or, when
 * TELEGRAM_WEBHOOK_URL is set, by webhook on PORT. The caller owns the process and its
 * signals: on SIGINT/SIGTERM it calls `stop()`.
 */
export async function startTelegram(options: StartTelegramOptions): Promise<TelegramHandle> {
  const { engine, config, now } = options;
  const drainTimeoutMs = options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS;
  const logger = options.logger.child({ face: "telegram" });
  const tracker = createUpdateTracker();
  const status =
    options.status ??
    createFaceStatus<TelegramState>("telegram", "starting", TELEGRAM_SERVING_STATES);
  const health = options.health ?? (() => healthReport(engine, [status]));
  const bot = createBot({
    engine,
    config,
    logger,
    now,
    tracker,
    ...(options.corpus !== undefined && { corpus: options.corpus }),
    ...(options.statusIntervalMs !== undefined && { statusIntervalMs: options.statusIntervalMs }),
    ...(options.state !== undefined && { state: options.state }),
  });
  try {
    await connect(bot, config);
  } catch (error) {
    status.set("failed");
    throw error;
  }

  try {
    await bot.api.setMyCommands(BOT_COMMANDS);
  } catch (error) {
    logger.warn({ err: describeError(error) }, "could not set the command menu; continuing");
  }
  if (options.corpus !== undefined) await setModeratorMenus(bot, config, logger);
  const username = bot.botInfo.username;
  const moderators = config.TELEGRAM_MODERATOR_IDS.length;

  if (config.TELEGRAM_WEBHOOK_URL !== undefined) {
    const url = config.TELEGRAM_WEBHOOK_URL;
    const server = createWebhookServer({
      bot,
      path: new URL(url).pathname,
      secretToken: webhookSecret(config),
      logger,
      health,
      claims: (options.state ?? IN_MEMORY_STATE).updateClaims(),
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          new AppError(
            "CONFIG_INVALID",
            `Cannot listen on ${config.TELEGRAM_WEBHOOK_HOST}:${config.PORT} for the webhook (${error.code}). Set PORT to a free port.`,
            { cause: error },
          ),
        ),
      );
      server.listen(config.PORT, config.TELEGRAM_WEBHOOK_HOST, resolve);
    });
    const address = server.address() as AddressInfo;
    await bot.api.setWebhook(url, {
      secret_token: webhookSecret(config),
      allowed_updates: ALLOWED_UPDATES,
    });
    status.set("webhook");
    logger.info({ username, port: address.port, moderators }, "telegram bot started (webhook)");
    let stopping: Promise<void> | undefined;
    return {
      bot,
      webhookAddress: { host: address.address, port: address.port },
      stop: () => {
        stopping ??= (async () => {
          status.set("stopping");
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          await tracker.drain(drainTimeoutMs);
          server.closeAllConnections();
          await closed;
          logger.info({}, "telegram bot stopped");
        })();
        return stopping;
      },
    };
  }

  // A webhook left from an earlier deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, {
    runner: {
      fetch: { timeout: POLL_TIMEOUT_SECONDS, allowed_updates: ALLOWED_UPDATES },
      silent: true,
    },
  });
  runner.task()?.catch((error: unknown) => {
    logger.error(
      { err: describeError(error) },
      "telegram long polling stopped; 409 means another instance polls with this token",
    );
    status.set("failed");
    options.onFatal?.(error);
  });
  status.set("polling");
  logger.info({ username, moderators }, "telegram bot started (long polling)");
  let stopping: Promise<void> | undefined;
  return {
    bot,
    stop: () => {
      stopping ??= (async () => {
        status.set("stopping");
        if (runner.isRunning()) await runner.stop();
        if (!(await tracker.drain(drainTimeoutMs))) {
          logger.warn({ drainTimeoutMs }, "answers still in progress at shutdown were dropped");
        }
        // Tell Telegram the updates handled so far are done, so a restart does not
        // receive (and answer) them again. The abort also ends auto-retry's waiting.
        const last = tracker.lastUpdateId();
        if (last !== undefined) {
          await bot.api
            .getUpdates(
              { offset: last + 1, limit: 1, timeout: 0 },
              // grammY types its signal with the abort-controller shim; Node's is the same at run time.
              AbortSignal.timeout(CONFIRM_TIMEOUT_MS) as Parameters<typeof bot.api.getUpdates>[1],
            )
            .catch((error: unknown) =>
              logger.warn({ err: describeError(error) }, "could not confirm handled updates"),
            );
        }
        logger.info({}, "telegram bot stopped");
      })();
      return stopping;
    },
  };
}
