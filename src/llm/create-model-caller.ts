import { setTimeout as sleep } from "node:timers/promises";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { z } from "zod";
import type { Logger } from "../log/logger.ts";
import { extractJsonObject } from "./extract-json.ts";

/** Why a model call gave nothing usable; logged when the extractive answer is kept. */
export type ModelFailure =
  | "timeout"
  | "aborted"
  | "rate_limited"
  | "server_error"
  | "connection_error"
  | "malformed_output"
  | "truncated_output"
  | "refused"
  | "request_rejected"
  | "unexpected_error";

export type ModelResult<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; failure: ModelFailure; detail: string; attempts: number };

export interface ModelCallSettings {
  model: string;
  /** The whole budget of one call, retries and waits included. */
  timeoutMs: number;
  /** Retries after the first attempt, for failures worth retrying. */
  maxRetries: number;
}

export interface ModelCaller {
  call<S extends z.ZodType>(
    request: { schema: S; schemaName: string; messages: ChatCompletionMessageParam[] },
    signal?: AbortSignal,
  ): Promise<ModelResult<z.infer<S>>>;
}

const BASE_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 4000;

/** A failure of one attempt: whether another attempt could help, and after how long. */
class AttemptError extends Error {
  constructor(
    readonly failure: ModelFailure,
    message: string,
    readonly retry: boolean,
    readonly waitMs?: number,
    /** A retry that does not count against the limit (asking again in another form). */
    readonly free = false,
  ) {
    super(message);
  }
}

/**
 * Calls a chat model for one JSON object of `schema`, with bounded retries (429, 5xx,
 * connection errors, malformed output) inside one total time budget, so a person waits at
 * most `timeoutMs` before the engine falls back. Never throws: failures are data.
 */
export function createModelCaller(
  client: OpenAI,
  settings: ModelCallSettings,
  logger: Logger,
): ModelCaller {
  // Servers that reject a JSON-schema response format are asked again without one and
  // remembered: the reply's JSON is then found in its text.
  let structured = true;

  async function attempt<S extends z.ZodType>(
    request: { schema: S; schemaName: string; messages: ChatCompletionMessageParam[] },
    signal: AbortSignal,
    remainingMs: number,
  ): Promise<z.infer<S>> {
    let completion: OpenAI.Chat.ChatCompletion;
    try {
      completion = await client.chat.completions.create(
        {
          model: settings.model,
          messages: request.messages,
          ...(structured
            ? { response_format: zodResponseFormat(request.schema, request.schemaName) }
            : {}),
        },
        { signal, timeout: remainingMs, maxRetries: 0 },
      );
    } catch (error) {
      throw classify(error, structured);
    }
    const choice = completion?.choices?.[0];
    if (!choice?.message) {
      throw new AttemptError("malformed_output", "the reply has no message", true);
    }
    if (choice.message.refusal) {
      throw new AttemptError("refused", "the model refused", false);
    }
    if (choice.finish_reason === "content_filter") {
      throw new AttemptError("refused", "the reply was filtered", false);
    }
    if (choice.finish_reason === "length") {
      throw new AttemptError(
        "truncated_output",
        "the reply was cut off at its length limit",
        false,
      );
    }
    const json = extractJsonObject(choice.message.content ?? "");
    if (json === undefined) {
      throw new AttemptError("malformed_output", "the reply holds no JSON object", true);
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join(".") || "(root)";
      throw new AttemptError(
        "malformed_output",
        `the reply does not fit the schema at ${where}`,
        true,
      );
    }
    return parsed.data;
  }

  function classify(error: unknown, wasStructured: boolean): AttemptError {
    if (error instanceof AttemptError) return error;
    if (error instanceof OpenAI.APIUserAbortError) {
      return new AttemptError("aborted", "aborted", false);
    }
    if (error instanceof OpenAI.APIConnectionTimeoutError) {
      return new AttemptError("timeout", "the request timed out", false);
    }
    if (error instanceof OpenAI.APIConnectionError) {
      return new AttemptError("connection_error", error.message, true);
    }
    if (error instanceof OpenAI.APIError) {
      const status = error.status ?? 0;
      if (status === 429) {
        return new AttemptError(
          "rate_limited",
          "429 rate limited",
          true,
          retryAfterMs(error.headers),
        );
      }
      if (status >= 500 || status === 408 || status === 409) {
        return new AttemptError(
          "server_error",
          `HTTP ${status}`,
          true,
          retryAfterMs(error.headers),
        );
      }
      if (status === 400 && wasStructured && /response_format|json_schema/i.test(error.message)) {
        structured = false;
        logger.warn(
          { status },
          "the model server rejects JSON-schema output; asking without it from now on",
        );
        return new AttemptError("request_rejected", "response_format not supported", true, 0, true);
      }
      return new AttemptError("request_rejected", `HTTP ${status}${hint(status)}`, false);
    }
    // A 200 whose body is not JSON surfaces from the SDK as a SyntaxError.
    if (error instanceof SyntaxError) {
      return new AttemptError("malformed_output", "the response body is not JSON", true);
    }
    return new AttemptError("unexpected_error", (error as Error)?.message ?? String(error), false);
  }

  return {
    async call(request, outer) {
      const deadline = Date.now() + settings.timeoutMs;
      const budget = AbortSignal.timeout(settings.timeoutMs);
      const signal = outer ? AbortSignal.any([outer, budget]) : budget;
      let attempts = 0;
      let retries = 0;
      for (;;) {
        attempts++;
        let failed: AttemptError;
        try {
          const value = await attempt(request, signal, Math.max(1, deadline - Date.now()));
          return { ok: true, value, attempts };
        } catch (error) {
          failed = classify(error, structured);
        }
        // However the SDK words it, an abort is the caller's or the budget's doing.
        if (outer?.aborted) {
          return { ok: false, failure: "aborted", detail: "aborted by the caller", attempts };
        }
        if (budget.aborted || Date.now() >= deadline) {
          const detail = `no usable reply within ${settings.timeoutMs} ms (last: ${failed.message})`;
          return { ok: false, failure: "timeout", detail, attempts };
        }
        if (!failed.retry || (!failed.free && retries >= settings.maxRetries)) {
          const detail = failed.retry ? `${failed.message}; no retries left` : failed.message;
          return { ok: false, failure: failed.failure, detail, attempts };
        }
        const wait = failed.waitMs ?? backoffMs(retries + 1);
        if (Date.now() + wait >= deadline) {
          const detail = `${failed.message}; waiting ${wait} ms would pass the ${settings.timeoutMs} ms budget`;
          return { ok: false, failure: failed.failure, detail, attempts };
        }
        if (!failed.free) retries++;
        logger.debug({ failure: failed.failure, attempts, waitMs: wait }, "retrying the model");
        try {
          await sleep(wait, undefined, { signal });
        } catch {
          const failure = outer?.aborted ? "aborted" : "timeout";
          return { ok: false, failure, detail: "the budget ran out while waiting", attempts };
        }
      }
    },
  };
}

function backoffMs(attempts: number): number {
  const base = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempts - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** The wait a 429 or 503 asks for (`retry-after-ms`, `retry-after` seconds or date). */
function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get("retry-after-ms"));
  if (Number.isFinite(ms) && ms >= 0 && headers?.get("retry-after-ms")) return ms;
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function hint(status: number): string {
  if (status === 401) return " (check OPENAI_API_KEY)";
  if (status === 403) return " (the key may not have access to this model: check OPENAI_API_KEY)";
  if (status === 404) return " (check OPENAI_MODEL and OPENAI_BASE_URL)";
  return "";
}
