import { afterEach, beforeEach, expect } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import type { ComposeInput } from "../../src/engine/composer.ts";
import { createLlmComposer } from "../../src/llm/create-llm-composer.ts";
import { createModelCaller } from "../../src/llm/create-model-caller.ts";
import { createOpenAiClient } from "../../src/llm/create-openai-client.ts";
import type { LlmSettings } from "../../src/llm/llm-config.ts";
import { loadPrompts } from "../../src/llm/load-prompts.ts";
import { type FakeOpenAi, startFakeOpenAi } from "../fakes/fake-openai.ts";
import { recordingLogger } from "./recording-logger.ts";
import { extractiveAnswer, passage, quotesAreVerbatim, seedArticle } from "./seed-passages.ts";

/** Shared by the composer suites: the seed article, a fake server per test, a composer on it. */
export const article = seedArticle();
export const PROMPTS = loadPrompts();
export const LAVROV = article.paragraphs[11] as string;
export const LAVROV_SENTENCE =
  "Foreign Minister Sergey Lavrov echoed Putin's sentiment that \"after the incursion into the Kursk region's territory, there can be no talk of negotiations\".";
export const USHAKOV_SPAN = "entering the negotiation process would be entirely inappropriate";

export const GOOD_REPLY = {
  answered: true,
  answer:
    'Lavrov said that after the incursion into Kursk "there can be no talk of negotiations", and Ushakov called talks inappropriate for now.',
  claims: [
    { passage_id: "P1", quote: "there can be no talk of negotiations" },
    { passage_id: "P2", quote: USHAKOV_SPAN },
  ],
};

/** Starts a fake server before each test of the calling file and closes it after. */
export function useFakeOpenAi(): () => FakeOpenAi {
  let fake: FakeOpenAi | undefined;
  beforeEach(async () => {
    fake = await startFakeOpenAi();
  });
  afterEach(async () => {
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error("the fake server runs only inside a test");
    return fake;
  };
}

/** A composer talking to `fake` through the real SDK, with a recording logger. */
export function composerOn(fake: FakeOpenAi, overrides: Partial<LlmSettings> = {}) {
  const settings: LlmSettings = {
    apiKey: undefined,
    baseURL: fake.baseURL,
    model: "test-model",
    timeoutMs: 10_000,
    maxRetries: 2,
    rewriteQueries: false,
    ...overrides,
  };
  const logger = recordingLogger();
  const caller = createModelCaller(createOpenAiClient(settings), settings, logger);
  const composer = createLlmComposer({ caller, prompts: PROMPTS, logger, maxQuotes: 3 });
  return { composer, logger };
}

/** A question with Lavrov's (P1), Ushakov's (P2) and Putin's (P3) paragraphs retrieved. */
export function input(question = "What did Lavrov say about negotiations?"): ComposeInput {
  const passages = [
    passage(article, "P1", 12),
    passage(article, "P2", 13),
    passage(article, "P3", 9),
  ];
  return { question, passages, extractive: extractiveAnswer(question, passages) };
}

/** The reasons of the "LLM answer not used" warnings, in order. */
export function fallbackReasons(logger: ReturnType<typeof recordingLogger>): unknown[] {
  return logger.records.filter((r) => r.level === "warn").map((r) => r.fields.reason);
}

/** What every Answer of these tests must satisfy, whichever mode produced it. */
export function expectSound(answer: Answer): void {
  expect(quotesAreVerbatim(answer, article)).toBe(true);
  for (const quote of answer.quotes) {
    expect(article.paragraphs[quote.source.paragraph - 1]?.slice(quote.start, quote.end)).toBe(
      quote.text,
    );
  }
}
