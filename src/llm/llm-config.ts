import { z } from "zod";

export const DEFAULT_OPENAI_TIMEOUT_MS = 15_000;
export const DEFAULT_OPENAI_MAX_RETRIES = 2;

const wholeNumber = (what: string) =>
  z.coerce.number({ error: `must be ${what}` }).int(`must be ${what}`);

const onOff = z
  .enum(["on", "off", "true", "false", "1", "0"], { error: "must be on or off" })
  .transform((value) => value === "on" || value === "true" || value === "1");

/**
 * The LLM mode's part of the environment. Every variable is optional: without OPENAI_MODEL
 * the bot stays extractive. Values are never echoed in errors (the key is a secret).
 */
export const LlmConfigSchema = z
  .object({
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as http://localhost:11434/v1",
      })
      .optional(),
    OPENAI_MODEL: z.string().max(200, "must be a model name (at most 200 characters)").optional(),
    OPENAI_TIMEOUT_MS: wholeNumber("a whole number of milliseconds from 1000 to 600000")
      .min(1000, "must be a whole number of milliseconds from 1000 to 600000")
      .max(600_000, "must be a whole number of milliseconds from 1000 to 600000")
      .default(DEFAULT_OPENAI_TIMEOUT_MS),
    OPENAI_MAX_RETRIES: wholeNumber("a whole number from 0 to 5")
      .min(0, "must be a whole number from 0 to 5")
      .max(5, "must be a whole number from 0 to 5")
      .default(DEFAULT_OPENAI_MAX_RETRIES),
    OPENAI_REWRITE_QUERIES: onOff.default(true),
  })
  .superRefine((config, ctx) => {
    // A model without anywhere to send it: OpenAI itself needs a key; a local server
    // (OPENAI_BASE_URL) may not.
    if (config.OPENAI_MODEL && !config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["OPENAI_API_KEY"],
        message:
          "is required when OPENAI_MODEL is set, unless OPENAI_BASE_URL points at a server that needs no key",
      });
    }
  });

export type LlmConfig = z.infer<typeof LlmConfigSchema>;

/** What the LLM mode needs to run, once the configuration says it is on. */
export interface LlmSettings {
  /** Undefined for a local server that needs no key. */
  apiKey: string | undefined;
  /** Undefined means OpenAI's own API. */
  baseURL: string | undefined;
  model: string;
  /** The whole budget of one model call, retries included. */
  timeoutMs: number;
  maxRetries: number;
  rewriteQueries: boolean;
}

/** The settings when LLM mode is on (OPENAI_MODEL is set), or null: the bot stays extractive. */
export function llmSettings(config: LlmConfig): LlmSettings | null {
  if (!config.OPENAI_MODEL) return null;
  return {
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
    rewriteQueries: config.OPENAI_REWRITE_QUERIES,
  };
}
