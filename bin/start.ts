/**
 * The composition root: reads the whole configuration once, loads the engine, and starts
 * every face that is configured. Lives outside src/ because it imports the faces.
 */

import {
  DiscordConfigSchema,
  discordConfigured,
  discordMode,
} from "../adapters/discord/discord-config.ts";
import { DISCORD_SERVING_STATES, type DiscordState } from "../adapters/discord/discord-state.ts";
import { startDiscord } from "../adapters/discord/start-discord.ts";
import { startDiscordInteractions } from "../adapters/discord/start-discord-interactions.ts";
import { startTelegram } from "../adapters/telegram/start-telegram.ts";
import { TelegramConfigSchema } from "../adapters/telegram/telegram-config.ts";
import {
  TELEGRAM_SERVING_STATES,
  type TelegramState,
} from "../adapters/telegram/telegram-state.ts";
import {
  AppError,
  CorpusConfigSchema,
  createCorpusManager,
  createFaceStatus,
  EngineConfigSchema,
  type FaceStatus,
  fetchOptionsFrom,
  healthReport,
  LlmConfigSchema,
  noPlatformBanner,
  ProcessConfigSchema,
  parseConfigParts,
  readEnvironment,
  runChat,
  setupEngine,
  startArguments,
  startCorpusService,
  startHealthServer,
} from "../src/index.ts";
import {
  drainTimeoutFor,
  type RunningFace,
  stopWithin,
  waitForShutdown,
} from "./wait-for-shutdown.ts";

async function main(): Promise<number> {
  const usage = startArguments(process.argv.slice(2));
  if (usage !== null) {
    if (usage.stdout) process.stdout.write(usage.stdout);
    if (usage.stderr) process.stderr.write(usage.stderr);
    return usage.code;
  }
  const env = readEnvironment();
  // Every part validated together, so one run names every bad variable.
  const parts = parseConfigParts(
    {
      engine: EngineConfigSchema,
      corpus: CorpusConfigSchema,
      telegram: TelegramConfigSchema,
      discord: DiscordConfigSchema,
      llm: LlmConfigSchema,
      process: ProcessConfigSchema,
    },
    env,
  );
  const { telegram, discord: discordConfig, corpus: corpusConfig } = parts;
  const shutdownMs = parts.process.SHUTDOWN_TIMEOUT_SECONDS * 1000;
  const drainTimeoutMs = drainTimeoutFor(shutdownMs);
  // A damaged or unreachable store stops start-up here (STORE_CORRUPT, STORE_UNREACHABLE),
  // before any face starts.
  const { engine, config, logger, store, stores } = await setupEngine(env, parts.engine);
  const corpus = createCorpusManager({
    store,
    corpusDir: config.CORPUS_DIR,
    engine,
    fetch: fetchOptionsFrom(corpusConfig),
    maxFeedItems: corpusConfig.CORPUS_FEED_MAX_ITEMS,
    logger,
  });
  const corpusService = startCorpusService({
    manager: corpus,
    config: corpusConfig,
    logger,
    store,
  });
  // Each face's status, for /healthz: on HEALTH_PORT in every mode, and on the webhook's PORT
  // and DISCORD_INTERACTIONS_PORT.
  const statuses: FaceStatus[] = [];
  const health = () => healthReport(engine, statuses);
  const background: RunningFace[] = [corpusService];
  if (parts.process.HEALTH_PORT !== undefined) {
    background.push(
      await startHealthServer({
        host: parts.process.HEALTH_HOST,
        port: parts.process.HEALTH_PORT,
        report: health,
        logger,
      }).catch(async (error: unknown) => {
        await stopWithin([corpusService], shutdownMs, logger);
        throw error;
      }),
    );
  }

  // The faces configured, each with the moderators' corpus commands on the same manager
  // (one operation at a time across both); the corpus service stops with them.
  const faces: RunningFace[] = [];
  // A face that fails for good while running (long polling taken over) stops the process.
  let fatal: unknown;
  let onFatal = (error: unknown) => {
    fatal ??= error;
  };
  try {
    if (telegram.TELEGRAM_BOT_TOKEN !== undefined) {
      const status = createFaceStatus<TelegramState>(
        "telegram",
        "starting",
        TELEGRAM_SERVING_STATES,
      );
      statuses.push(status);
      faces.push(
        await startTelegram({
          engine,
          config: telegram,
          logger,
          corpus,
          drainTimeoutMs,
          state: stores,
          onFatal: (error) => onFatal(error),
          status,
          health,
        }),
      );
    }
    if (discordConfigured(discordConfig)) {
      const status = createFaceStatus<DiscordState>(
        "discord",
        "connecting",
        DISCORD_SERVING_STATES,
      );
      statuses.push(status);
      const feedback = await stores.feedback();
      const options = {
        engine,
        config: discordConfig,
        logger,
        feedback,
        corpus,
        drainTimeoutMs,
        status,
        state: stores,
      };
      // Over HTTP, Discord may send any interaction to any instance: share DATABASE_URL.
      faces.push(
        discordMode(discordConfig) === "http"
          ? await startDiscordInteractions({ ...options, health })
          : await startDiscord(options),
      );
    }
  } catch (error) {
    // Whatever did start must not keep the process alive after a face failed to.
    await stopWithin([...faces, ...background], shutdownMs, logger);
    throw error;
  }
  if (faces.length > 0) {
    const shutdown = waitForShutdown([...faces, ...background], logger, shutdownMs);
    onFatal = (error) => shutdown.fail(error);
    if (fatal !== undefined) shutdown.fail(fatal);
    // Exits explicitly: after a stop, a request still retrying against an unreachable
    // platform (its timers, its sockets) must not keep the process alive. The database
    // sees the connections close, which also frees any advisory lock they held.
    process.exit(await shutdown.done);
  }

  process.stderr.write(noPlatformBanner(engine.describeCorpus()));
  await runChat(engine, process.stdin, process.stdout, logger, process.stdin.isTTY === true);
  const stopped = await stopWithin(background, shutdownMs, logger);
  await stores.close();
  return stopped === "stopped" ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      // Explicitly: a face that was stopping when start-up failed may still hold sockets.
      process.exit(error.code === "CONFIG_INVALID" ? 2 : 1);
    }
    throw error;
  },
);
