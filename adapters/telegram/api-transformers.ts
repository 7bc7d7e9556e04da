import { autoRetry } from "@grammyjs/auto-retry";
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../../src/index.ts";
import { redactTokens } from "./handle-bot-error.ts";

/** Retries per call after a 429 or 5xx, and the longest `retry_after` worth waiting. */
export const RETRY_ATTEMPTS = 5;
export const MAX_RETRY_AFTER_SECONDS = 120;

/** Logs every failed Bot API attempt (inner: it sees each retry too). */
export function logApiFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        logger.warn(
          {
            method,
            code: result.error_code,
            description: result.description,
            retryAfter: result.parameters?.retry_after,
          },
          "bot api call failed",
        );
      }
      return result;
    } catch (error) {
      if (!signal?.aborted && error instanceof HttpError) {
        logger.warn({ method, message: redactTokens(error.message) }, "bot api unreachable");
      }
      throw error;
    }
  };
}

/**
 * `@grammyjs/auto-retry`: waits out 429 `retry_after` and retries 5xx and network
 * failures, so a transient failure drops nothing. Not for getMe: at start-up a wrong API
 * root or a dead network should fail fast with a clear message, not retry for hours.
 */
export function retryTransient(): Transformer {
  const retry = autoRetry({
    maxRetryAttempts: RETRY_ATTEMPTS,
    maxDelaySeconds: MAX_RETRY_AFTER_SECONDS,
  });
  return (prev, method, payload, signal) =>
    method === "getMe" ? prev(method, payload, signal) : retry(prev, method, payload, signal);
}
