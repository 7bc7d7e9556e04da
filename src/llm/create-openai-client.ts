import OpenAI from "openai";
import type { LlmSettings } from "./llm-config.ts";

/**
 * The SDK insists on some API key; a local server (Ollama, llama.cpp) ignores it, so one
 * without a key gets this placeholder rather than a confusing start-up error.
 */
export const NO_API_KEY = "no-key";

/**
 * An OpenAI client for `settings`. The SDK's own retries are off: the caller retries within
 * one total time budget (see `callModel`), which the SDK's per-attempt timeout cannot give.
 */
export function createOpenAiClient(settings: LlmSettings, fetchImpl?: typeof fetch): OpenAI {
  return new OpenAI({
    apiKey: settings.apiKey ?? NO_API_KEY,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
