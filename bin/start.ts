/**
 * The composition root: reads the whole configuration once, loads the engine, and starts
 * every face that is configured. Lives outside src/ because it imports the faces.
 */
import { DiscordConfigSchema, discordConfigured } from "../adapters/discord/discord-config.ts";
import { startDiscord } from "../adapters/discord/start-discord.ts";
import {
  AppError,
  CorpusConfigSchema,
  createCorpusManager,
  createLogger,
  type Engine,
  EngineConfigSchema,
  fetchOptionsFrom,
  llmEngineOptions,
  loadEngine,
  openLowdbCorpusStore,
  openLowdbFeedbackStore,
  parseConfig,
  readEnvironment,
  runChat,
  startCorpusService,
} from "../src/index.ts";

/** Resolves on the first SIGINT or SIGTERM; a second one then ends the process as usual. */
function untilShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

async function main(): Promise<number> {
  const env = readEnvironment();
  const config = parseConfig(EngineConfigSchema, env);
  const discordConfig = parseConfig(DiscordConfigSchema, env);
  const corpusConfig = parseConfig(CorpusConfigSchema, env);
  const logger = createLogger(config.LOG_LEVEL);
  let loaded: Engine | undefined;
  const llm = llmEngineOptions(env, {
    logger,
    maxQuotes: config.MAX_QUOTES,
    knownNames: () => loaded?.speakers().map((s) => s.name) ?? [],
  });
  // A damaged store stops start-up here (STORE_CORRUPT), before any face starts.
  const store = await openLowdbCorpusStore(config.DATA_DIR);
  const engine = await loadEngine(config, logger, llm, store);
  loaded = engine;
  const corpus = createCorpusManager({
    store,
    corpusDir: config.CORPUS_DIR,
    engine,
    fetch: fetchOptionsFrom(corpusConfig),
    maxFeedItems: corpusConfig.CORPUS_FEED_MAX_ITEMS,
    logger,
  });
  const corpusService = startCorpusService({ manager: corpus, config: corpusConfig, logger });

  const faces: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    await Promise.all(faces.map((face) => face.stop()));
    await corpusService.stop();
  };
  try {
    if (discordConfigured(discordConfig)) {
      const feedback = await openLowdbFeedbackStore({ dataDir: config.DATA_DIR });
      faces.push(await startDiscord({ engine, config: discordConfig, logger, feedback }));
    }
  } catch (error) {
    // Whatever did start must not keep the process alive after a face failed to.
    await stopAll();
    throw error;
  }
  if (faces.length > 0) {
    const signal = await untilShutdownSignal();
    logger.info({ signal }, "shutting down");
    await stopAll();
    return 0;
  }
  process.stderr.write(
    "No chat platform is configured: set TELEGRAM_BOT_TOKEN to start the Telegram bot, " +
      "DISCORD_BOT_TOKEN (and DISCORD_APPLICATION_ID) for Discord. See .env.example.\n" +
      `Answering here instead. ${engine.describeCorpus()}\nType a question per line; Ctrl-D or "exit" to stop.\n`,
  );
  await runChat(engine, process.stdin, process.stdout, logger, process.stdin.isTTY === true);
  await corpusService.stop();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.code === "CONFIG_INVALID" ? 2 : 1;
      return;
    }
    throw error;
  },
);
