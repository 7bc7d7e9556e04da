import type { AnswerComposer, QueryRewriter } from "../engine/composer.ts";
import type { Logger } from "../log/logger.ts";
import { createLlmComposer } from "./create-llm-composer.ts";
import { createQueryRewriter } from "./create-query-rewriter.ts";
import { type LlmConfig, llmSettings } from "./llm-config.ts";

/** The rewrite runs before retrieval, so it gets this share of the budget, not all of it. */
const REWRITE_BUDGET_SHARE = 1 / 3;
const MIN_REWRITE_BUDGET_MS = 1000;

export interface LlmMode {
  composer: AnswerComposer;
  /** Null when OPENAI_REWRITE_QUERIES is off. */
  rewriter: QueryRewriter | null;
  model: string;
}

export interface LlmModeOptions {
  logger: Logger;
  /** Most quotes one answer shows (the engine's MAX_QUOTES). */
  maxQuotes?: number;
  /** Where the prompt templates are (default: the shipped prompts/ folder). */
  promptsDir?: string;
  /** Names the corpus quotes, for mapping roles and nicknames to names. */
  knownNames?: () => readonly string[];
  /** The corpus's language, for search queries ("English"). */
  language?: string;
}

/**
 * Builds the LLM mode's composer and query rewriter from the parsed configuration, or
 * returns null when no model is configured (the bot then stays extractive). Reads the
 * prompt templates once, here: a broken template stops the start, not a question.
 *
 * The openai and @langchain/core packages are imported here, only when a model is
 * configured: they are some 450 modules, and loading them (through tsx) was about half
 * of every start of `npm run ask` and `npm start` that never calls a model.
 */
export async function createLlmMode(
  config: LlmConfig,
  options: LlmModeOptions,
): Promise<LlmMode | null> {
  const settings = llmSettings(config);
  if (!settings) return null;
  const [{ loadPrompts }, { createOpenAiClient }, { createModelCaller }] = await Promise.all([
    import("./load-prompts.ts"),
    import("./create-openai-client.ts"),
    import("./create-model-caller.ts"),
  ]);
  const prompts = loadPrompts(options.promptsDir);
  const logger = options.logger.child({ component: "llm", model: settings.model });
  const client = createOpenAiClient(settings);
  const composer = createLlmComposer({
    caller: createModelCaller(client, settings, logger),
    prompts,
    logger,
    maxQuotes: options.maxQuotes,
  });
  const rewriter = settings.rewriteQueries
    ? createQueryRewriter({
        caller: createModelCaller(
          client,
          {
            ...settings,
            timeoutMs: Math.max(
              MIN_REWRITE_BUDGET_MS,
              Math.round(settings.timeoutMs * REWRITE_BUDGET_SHARE),
            ),
          },
          logger,
        ),
        prompts,
        logger,
        language: options.language,
        knownNames: options.knownNames,
      })
    : null;
  logger.info(
    { server: describeServer(settings.baseURL), rewriteQueries: settings.rewriteQueries },
    "LLM mode on",
  );
  return { composer, rewriter, model: settings.model };
}

/** Where the model runs, for the log: the host only, never credentials or a path. */
function describeServer(baseURL: string | undefined): string {
  if (!baseURL) return "api.openai.com";
  try {
    return new URL(baseURL).host;
  } catch {
    return "(custom)";
  }
}
