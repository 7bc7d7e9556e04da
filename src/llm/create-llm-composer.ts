import type { Answer } from "../answer/answer.ts";
import type { AnswerComposer, ComposeInput } from "../engine/composer.ts";
import type { Logger } from "../log/logger.ts";
import { MAX_ANSWER_CHARS, MAX_CLAIMS, ModelAnswerSchema } from "./answer-schema.ts";
import { createQuoteCollector, type DroppedClaim } from "./collect-quotes.ts";
import type { ModelCaller } from "./create-model-caller.ts";
import { echoesPrompt } from "./echoes-prompt.ts";
import type { Prompts } from "./load-prompts.ts";
import { dataBlockNonce, renderPassages } from "./render-passages.ts";
import { stripUnverifiedQuotes } from "./strip-unverified-quotes.ts";

export const DEFAULT_LLM_MAX_QUOTES = 3;

export interface LlmComposerOptions {
  caller: ModelCaller;
  prompts: Prompts;
  logger: Logger;
  /** Most quotes one answer shows (the engine's MAX_QUOTES). */
  maxQuotes?: number;
}

/** "(P2)", "[P1, P3]": passage ids mean nothing to the person reading the answer. */
const PASSAGE_REFERENCE = /\s*[[(]\s*P\d+(?:\s*[,;/]\s*P\d+)*\s*[\])]/gi;

/**
 * The LLM mode's composer: the model writes a short answer from the retrieved passages and
 * names, for each claim, the passage and the exact words that support it. Only claims whose
 * words are found in their passage become quotes (the corpus's own sentences, see
 * `createQuoteCollector`); text in quotation marks that no quote confirms is cut. Whenever
 * the model cannot be used (a failure, a refusal, "not answered", nothing verified) the
 * extractive answer is returned unchanged and the log says why.
 */
export function createLlmComposer(options: LlmComposerOptions): AnswerComposer {
  const { caller, prompts, logger } = options;
  const maxQuotes = options.maxQuotes ?? DEFAULT_LLM_MAX_QUOTES;

  function fallback(input: ComposeInput, reason: string, details: object = {}): Answer {
    logger.warn({ reason, ...details }, `LLM answer not used (${reason}): extractive answer kept`);
    return input.extractive;
  }

  return {
    async compose(input) {
      if (input.passages.length === 0) return fallback(input, "no_passages");
      const passages = renderPassages(input.passages);
      const nonce = dataBlockNonce(input.question, passages);
      const system = await prompts.composeSystem.format({ nonce });
      const user = await prompts.composeUser.format({ nonce, question: input.question, passages });
      const result = await caller.call(
        {
          schema: ModelAnswerSchema,
          schemaName: "sourced_answer",
          messages: [
            { role: "system", content: system },
            { role: "user", content: user },
          ],
        },
        input.signal,
      );
      if (!result.ok) {
        return fallback(input, result.failure, {
          detail: result.detail,
          attempts: result.attempts,
        });
      }
      const reply = result.value;
      if (!reply.answered) return fallback(input, "model_says_not_answered");
      if (reply.answer.length > MAX_ANSWER_CHARS) {
        return fallback(input, "answer_too_long", { chars: reply.answer.length });
      }
      // A reply that recites the instructions was steered by the data: trust none of it.
      if (echoesPrompt(reply.answer, system)) return fallback(input, "system_prompt_echoed");

      const collector = createQuoteCollector(input.passages, maxQuotes);
      const dropped: Array<{ passage: string; why: DroppedClaim }> = [];
      for (const claim of reply.claims.slice(0, MAX_CLAIMS)) {
        const why = collector.addClaim(claim);
        if (why) dropped.push({ passage: claim.passage_id.slice(0, 40), why });
      }
      if (collector.quotes.length === 0) {
        return fallback(input, "no_quote_verified", { claims: reply.claims.length, dropped });
      }
      const stripped = stripUnverifiedQuotes(reply.answer, (words) =>
        collector.confirmQuoted(words),
      );
      const text = stripped.text.replace(PASSAGE_REFERENCE, "").trim();
      if (text.length === 0) {
        return fallback(input, "no_answer_text_left", {
          unverifiedQuotes: stripped.unverified.length,
        });
      }
      if (dropped.length > 0 || stripped.unverified.length > 0) {
        logger.info(
          { dropped, unverifiedQuotes: stripped.unverified.length },
          "LLM answer: unverified claims or quotations removed",
        );
      }
      return {
        status: "answered",
        question: input.extractive.question,
        text,
        quotes: collector.quotes,
        mode: "llm",
        speaker: input.extractive.speaker,
        moreQuotes: input.extractive.moreQuotes,
      };
    },
  };
}
