import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createModelCaller } from "../../src/llm/create-model-caller.ts";
import { createOpenAiClient } from "../../src/llm/create-openai-client.ts";
import { createQueryRewriter } from "../../src/llm/create-query-rewriter.ts";
import type { LlmSettings } from "../../src/llm/llm-config.ts";
import { loadPrompts } from "../../src/llm/load-prompts.ts";
import { type FakeOpenAi, jsonReply, startFakeOpenAi } from "../fakes/fake-openai.ts";
import { recordingLogger } from "./recording-logger.ts";

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

function setup(timeoutMs = 10_000) {
  const settings: LlmSettings = {
    apiKey: undefined,
    baseURL: fake.baseURL,
    model: "test-model",
    timeoutMs,
    maxRetries: 1,
    rewriteQueries: true,
  };
  const logger = recordingLogger();
  const rewriter = createQueryRewriter({
    caller: createModelCaller(createOpenAiClient(settings), settings, logger),
    prompts: loadPrompts(),
    logger,
    knownNames: () => ["Vladimir Putin", "Sergey Lavrov", "Yuri Ushakov"],
  });
  return { rewriter, logger };
}

describe("query rewriter", () => {
  it("returns the model's queries, cleaned and without repeats of the question", async () => {
    const { rewriter } = setup();
    fake.enqueue(
      jsonReply({
        queries: [
          "Sergey Lavrov negotiations",
          "  sergey   LAVROV negotiations ",
          "Що сказав Лавров?",
          "",
          "Lavrov talks Kursk",
          "Lavrov Kursk incursion",
        ],
      }),
    );
    const queries = await rewriter.rewrite("Що сказав Лавров?");

    expect(queries).toEqual([
      "Sergey Lavrov negotiations",
      "Lavrov talks Kursk",
      "Lavrov Kursk incursion",
    ]);
    const [system, user] = (fake.requests[0]?.body.messages ?? []) as Array<{ content: string }>;
    expect(system?.content).toContain("written in English");
    expect(user?.content).toContain(
      "Names in the corpus: Vladimir Putin; Sergey Lavrov; Yuri Ushakov",
    );
    const nonce = /<question-([0-9a-f]+)>/.exec(user?.content ?? "")?.[1];
    expect(user?.content).toContain(`<question-${nonce}>\nЩо сказав Лавров?\n</question-${nonce}>`);
    expect(fake.requests[0]?.body.response_format.json_schema.name).toBe("search_queries");
  });

  it("proposes nothing when the model fails, and logs why", async () => {
    const { rewriter, logger } = setup(1500);
    fake.enqueue({ kind: "stall" });
    expect(await rewriter.rewrite("the Kremlin's top diplomat")).toEqual([]);
    expect(logger.records.find((r) => r.level === "warn")?.fields.reason).toBe("timeout");

    fake.enqueue(
      { kind: "completion", content: '{"queries": "Lavrov"}' },
      { kind: "completion", content: "no" },
    );
    expect(await rewriter.rewrite("the Kremlin's top diplomat")).toEqual([]);
    expect(logger.records.filter((r) => r.level === "warn").map((r) => r.fields.reason)).toEqual([
      "timeout",
      "malformed_output",
    ]);
  });
});
