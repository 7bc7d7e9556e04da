import { parseConfig } from "../config/read-environment.ts";
import type { EngineOptions } from "../engine/create-engine.ts";
import type { Logger } from "../log/logger.ts";
import { createLlmMode } from "./create-llm-mode.ts";
import { LlmConfigSchema } from "./llm-config.ts";

export interface LlmEngineOptionsInput {
  logger: Logger;
  /** The engine's MAX_QUOTES. */
  maxQuotes?: number;
  /** Names the corpus quotes, read at each rewrite (the engine's speakers, once it exists). */
  knownNames?: () => readonly string[];
  promptsDir?: string;
}

/**
 * The engine options of the LLM mode, from the environment: a composer and, unless turned
 * off, a query rewriter; none when OPENAI_MODEL is not set. A bad OPENAI_* value throws an
 * AppError naming the variable, as the rest of the configuration does.
 */
export async function llmEngineOptions(
  env: Record<string, string | undefined>,
  input: LlmEngineOptionsInput,
): Promise<Pick<EngineOptions, "composer" | "rewriter">> {
  const mode = await createLlmMode(parseConfig(LlmConfigSchema, env), input);
  if (!mode) return {};
  return mode.rewriter
    ? { composer: mode.composer, rewriter: mode.rewriter }
    : { composer: mode.composer };
}
