import {
  Client,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  type Interaction,
  RESTEvents,
} from "discord.js";
import {
  type AnswerCache,
  AppError,
  type CorpusManager,
  createFaceStatus,
  type Engine,
  type FaceStatusTracker,
  type FeedbackStore,
  type Logger,
  type SessionState,
} from "../../src/index.ts";
import { warnIfCommandsMissing } from "./check-registered-commands.ts";
import { createBotContext } from "./create-bot-context.ts";
import type { DiscordConfig } from "./discord-config.ts";
import { GLOBAL_REQUESTS_PER_SECOND, NO_MENTIONS } from "./discord-limits.ts";
import { DISCORD_SERVING_STATES, type DiscordState } from "./discord-state.ts";
import { drainInFlight } from "./drain-in-flight.ts";
import { createInteractionHandler, describeError } from "./handle-interaction.ts";
import { inviteUrl } from "./invite-url.ts";

export interface StartDiscordOptions {
  engine: Engine;
  config: DiscordConfig;
  logger: Logger;
  feedback: FeedbackStore;
  /** Injected by tests; otherwise made by `state`. */
  answers?: AnswerCache;
  /**
   * Where rate-limit counters and the answers buttons refer to live: shared ones
   * (PostgreSQL) when several instances answer; this process's memory by default.
   */
  state?: SessionState;
  /** How long login may take before start-up fails. */
  readyTimeoutMs?: number;
  /** How long `stop()` waits for answers in progress before closing anyway. */
  drainTimeoutMs?: number;
  /** The moderators' /add, /remove, /refresh; without it they say it is not available. */
  corpus?: CorpusManager;
  /** Pace of a moderator's status edits (default 1.5 s). */
  statusIntervalMs?: number;
  /** Kept up to date with the gateway connection; the caller reads it for health checks. */
  status?: FaceStatusTracker<DiscordState>;
}

export interface DiscordFace {
  /** Stops taking interactions, lets answers in progress finish, then disconnects. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Logs the bot in over the gateway and answers slash commands and buttons until stopped.
 * Only the Guilds intent: interactions arrive without any intent, and Guilds keeps
 * discord.js's guild and channel caches useful; no privileged intent is needed because
 * the bot never reads messages.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordFace> {
  const { config } = options;
  const logger = options.logger.child({ face: "discord" });
  const status =
    options.status ??
    createFaceStatus<DiscordState>("discord", "connecting", DISCORD_SERVING_STATES);
  status.set("connecting");
  const token = config.DISCORD_BOT_TOKEN;
  if (!token) {
    throw new AppError(
      "CONFIG_INVALID",
      "DISCORD_BOT_TOKEN is not set. Copy it from the Developer Portal (your application → Bot → Reset Token); see docs/discord.md.",
    );
  }
  const ctx = createBotContext(options, logger);

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_BASE, globalRequestsPerSecond: GLOBAL_REQUESTS_PER_SECOND },
    // A second brace to the allowedMentions every reply sets: nothing the bot says pings.
    allowedMentions: NO_MENTIONS,
  });
  const handle = createInteractionHandler(ctx);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (stopping) return;
    const work = handle(interaction).finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  client.on(Events.Error, (error) =>
    logger.error({ err: describeError(error) }, "Discord: client error"),
  );
  client.on(Events.Warn, (message) => logger.warn({ message }, "Discord: warning"));
  client.on(Events.ShardError, (error) =>
    logger.warn(
      { err: describeError(error) },
      "Discord: gateway connection error; discord.js reconnects",
    ),
  );
  client.on(Events.ShardReconnecting, () => {
    if (!stopping) status.set("connecting");
    logger.info("Discord: reconnecting to the gateway");
  });
  // Ready after a fresh session, Resume after a reconnect that kept it.
  for (const event of [Events.ShardReady, Events.ShardResume] as const) {
    client.on(event, () => {
      if (!stopping) status.set("ready");
    });
  }
  client.on(Events.ShardDisconnect, (event) => {
    if (!stopping) status.set("failed");
    logger.error({ code: event.code }, "Discord: gateway closed the connection for good");
  });
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(
      { route: info.route, retryAfterMs: info.retryAfter, global: info.global },
      "Discord: rate limited; discord.js waits and retries",
    ),
  );

  try {
    await login(client, token, options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  } catch (error) {
    await client.destroy().catch(() => {});
    status.set("failed");
    throw explainLoginFailure(error, config);
  }

  status.set("ready");
  const applicationId = client.application?.id ?? config.DISCORD_APPLICATION_ID ?? "";
  if (config.DISCORD_APPLICATION_ID && config.DISCORD_APPLICATION_ID !== applicationId) {
    logger.warn(
      { configured: config.DISCORD_APPLICATION_ID, actual: applicationId },
      "Discord: DISCORD_APPLICATION_ID is not the application of DISCORD_BOT_TOKEN; the token wins",
    );
  }
  logger.info(
    {
      user: client.user?.tag,
      applicationId,
      invite: inviteUrl(applicationId),
      moderatorRoles: config.DISCORD_MODERATOR_ROLE_IDS.length,
      corpusCommands: options.corpus !== undefined,
    },
    "Discord: connected",
  );
  void warnIfCommandsMissing(client.rest, applicationId, config.DISCORD_GUILD_ID, logger);

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      status.set("stopping");
      await drainInFlight(inFlight, options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS, logger);
      await client.destroy();
      logger.info("Discord: disconnected");
    },
  };
}

/** Resolves when discord.js is ready; rejects if the gateway refuses or time runs out. */
async function login(client: Client, token: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let onReady: (() => void) | undefined;
  let onDisconnect: ((event: { code: number }) => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = () => resolve();
    onDisconnect = (event) => reject(new GatewayClosedError(event.code));
    client.once(Events.ClientReady, onReady);
    client.once(Events.ShardDisconnect, onDisconnect);
    timer = setTimeout(
      () => reject(new Error(`Discord did not become ready within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    await Promise.all([client.login(token), ready]);
  } finally {
    clearTimeout(timer);
    if (onReady) client.off(Events.ClientReady, onReady);
    if (onDisconnect) client.off(Events.ShardDisconnect, onDisconnect);
  }
}

class GatewayClosedError extends Error {
  constructor(readonly closeCode: number) {
    super(`the Discord gateway closed the connection with code ${closeCode}`);
  }
}

/** Turns what discord.js throws at login into a message that says what to fix. */
function explainLoginFailure(error: unknown, config: DiscordConfig): Error {
  const rejectedToken =
    (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) ||
    (error instanceof GatewayClosedError && error.closeCode === 4004);
  if (rejectedToken) {
    return new AppError(
      "CONFIG_INVALID",
      "Discord rejected DISCORD_BOT_TOKEN. Copy the token again from the Developer Portal (your application → Bot → Reset Token).",
      { cause: error },
    );
  }
  if (error instanceof GatewayClosedError && error.closeCode === 4014) {
    return new AppError(
      "CONFIG_INVALID",
      "Discord refused a privileged gateway intent. This bot needs none; check for a modified client.",
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Error(
    `Could not connect to Discord at ${config.DISCORD_API_BASE}: ${message}. Check the network, or DISCORD_API_BASE if you set it.`,
    { cause: error },
  );
}
