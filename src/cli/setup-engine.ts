import { type EngineConfig, EngineConfigSchema } from "../config/engine-config.ts";
import { parseConfig, readEnvironment } from "../config/read-environment.ts";
import type { Engine } from "../engine/engine.ts";
import { loadEngine } from "../engine/load-engine.ts";
import { llmEngineOptions } from "../llm/llm-engine-options.ts";
import { createLogger, type Logger } from "../log/logger.ts";
import { openLowdbCorpusStore } from "../store/lowdb-corpus-store.ts";

export interface CliEngine {
  engine: Engine;
  config: EngineConfig;
  logger: Logger;
}

/** Config from the environment (and .env), a logger to stderr, the engine over the corpus. */
export async function setupEngine(env: Record<string, string | undefined>): Promise<CliEngine> {
  const environment = readEnvironment(env);
  const config = parseConfig(EngineConfigSchema, environment);
  const logger = createLogger(config.LOG_LEVEL);
  let loaded: Engine | undefined;
  const llm = llmEngineOptions(environment, {
    logger,
    maxQuotes: config.MAX_QUOTES,
    knownNames: () => loaded?.speakers().map((s) => s.name) ?? [],
  });
  // The store's added articles too: `ask` and `list` see what moderators added.
  const store = await openLowdbCorpusStore(config.DATA_DIR);
  const engine = await loadEngine(config, logger, llm, store);
  loaded = engine;
  return { engine, config, logger };
}
