import { type EngineConfig, EngineConfigSchema } from "../config/engine-config.ts";
import { parseConfig, readEnvironment } from "../config/read-environment.ts";
import type { Engine } from "../engine/engine.ts";
import { loadEngine } from "../engine/load-engine.ts";
import { llmEngineOptions } from "../llm/llm-engine-options.ts";
import { createLogger, type Logger } from "../log/logger.ts";
import type { CorpusStore } from "../store/corpus-store.ts";
import { openStores } from "../store/open-stores.ts";
import type { Stores } from "../store/stores.ts";

export interface CliEngine {
  engine: Engine;
  config: EngineConfig;
  logger: Logger;
  /** `stores.corpus`: the store the engine's added articles come from. */
  store: CorpusStore;
  /** Every store (DATA_DIR or DATABASE_URL); the caller closes them when done. */
  stores: Stores;
}

/**
 * Config from the environment (and .env), a logger to stderr, the stores, and the engine
 * over the shipped corpus plus the stored articles (with the LLM mode when configured).
 * The CLI commands and bin/start.ts all start here. `config` is for a caller that has
 * already validated the engine's part together with its own.
 */
export async function setupEngine(
  env: Record<string, string | undefined>,
  config: EngineConfig = parseConfig(EngineConfigSchema, readEnvironment(env)),
): Promise<CliEngine> {
  const environment = readEnvironment(env);
  const logger = createLogger(config.LOG_LEVEL, 2, config.LOG_FORMAT);
  let loaded: Engine | undefined;
  const llm = await llmEngineOptions(environment, {
    logger,
    maxQuotes: config.MAX_QUOTES,
    knownNames: () => loaded?.speakers().map((s) => s.name) ?? [],
  });
  // The store's added articles too: `ask` and `list` see what moderators added.
  const stores = await openStores(config, logger);
  try {
    const engine = await loadEngine(config, logger, llm, stores.corpus);
    loaded = engine;
    return { engine, config, logger, store: stores.corpus, stores };
  } catch (error) {
    await stores.close();
    throw error;
  }
}
