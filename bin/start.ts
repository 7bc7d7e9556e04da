/**
 * The composition root: reads the whole configuration once, loads the engine, and starts
 * every face that is configured. Lives outside src/ because it imports the faces.
 */
import {
  AppError,
  createLogger,
  EngineConfigSchema,
  loadEngine,
  parseConfig,
  readEnvironment,
  runChat,
} from "../src/index.ts";

async function main(): Promise<number> {
  const env = readEnvironment();
  const config = parseConfig(EngineConfigSchema, env);
  const logger = createLogger(config.LOG_LEVEL);
  const engine = await loadEngine(config, logger);
  process.stderr.write(
    "No chat platform is configured: set TELEGRAM_BOT_TOKEN to start the Telegram bot, " +
      "DISCORD_BOT_TOKEN (and DISCORD_APPLICATION_ID) for Discord. See .env.example.\n" +
      `Answering here instead. ${engine.describeCorpus()}\nType a question per line; Ctrl-D or "exit" to stop.\n`,
  );
  await runChat(engine, process.stdin, process.stdout, logger, process.stdin.isTTY === true);
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
