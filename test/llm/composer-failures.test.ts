import { describe, expect, it } from "vitest";
import { jsonReply, startFakeOpenAi } from "../fakes/fake-openai.ts";
import {
  article,
  composerOn,
  expectSound,
  fallbackReasons,
  GOOD_REPLY,
  input,
  LAVROV_SENTENCE,
  useFakeOpenAi,
} from "./composer-setup.ts";

const fake = useFakeOpenAi();

describe("LLM composer: failures, retries and the time budget", () => {
  it("retries malformed JSON, then falls back when it stays malformed", async () => {
    const { composer, logger } = composerOn(fake(), { maxRetries: 2 });
    const cut = JSON.stringify(GOOD_REPLY).slice(0, 80);
    fake().enqueue(
      { kind: "completion", content: cut },
      { kind: "completion", content: "I cannot produce JSON today." },
      { kind: "raw", status: 200, body: '{"id": "chatcmpl-1", "choices": [' },
    );
    const request = input();
    const answer = await composer.compose(request);

    expect(answer).toBe(request.extractive);
    expect(answer.mode).toBe("extractive");
    expectSound(answer);
    expect(fake().requests).toHaveLength(3);
    expect(fallbackReasons(logger)).toEqual(["malformed_output"]);
  });

  it("recovers when malformed JSON is followed by a good reply", async () => {
    const { composer } = composerOn(fake());
    fake().enqueue(
      { kind: "completion", content: '{"answered": true, "answer": "Lav' },
      jsonReply(GOOD_REPLY),
    );
    const answer = await composer.compose(input());

    expect(answer.mode).toBe("llm");
    expect(answer.quotes).toHaveLength(2);
    expectSound(answer);
    expect(fake().requests).toHaveLength(2);
  });

  it("reads the JSON from a server that ignores response_format and wraps it in prose", async () => {
    const { composer } = composerOn(fake());
    fake().enqueue({
      kind: "completion",
      content: `<think>The user asks about Lavrov.</think>\nHere is the answer:\n\`\`\`json\n${JSON.stringify(GOOD_REPLY, null, 2)}\n\`\`\`\nHope this helps {:}`,
    });
    const answer = await composer.compose(input());

    expect(answer.mode).toBe("llm");
    expect(answer.text).toBe(GOOD_REPLY.answer);
    expectSound(answer);
  });

  it("waits as a 429 asks and then uses the answer", async () => {
    const { composer } = composerOn(fake());
    fake().enqueue(
      {
        kind: "json",
        status: 429,
        headers: { "retry-after-ms": "50" },
        body: { error: { message: "Rate limit reached", type: "requests" } },
      },
      jsonReply(GOOD_REPLY),
    );
    const answer = await composer.compose(input());

    expect(answer.mode).toBe("llm");
    expect(answer.status).toBe("answered");
    expect(answer.quotes.map((q) => q.text)).toEqual([LAVROV_SENTENCE, article.paragraphs[12]]);
    expectSound(answer);
    expect(fake().requests).toHaveLength(2);
  });

  it("falls back at once when a 429 asks for a wait longer than the budget", async () => {
    const { composer, logger } = composerOn(fake(), { timeoutMs: 5000 });
    fake().enqueue(
      {
        kind: "json",
        status: 429,
        headers: { "retry-after": "120" },
        body: { error: { message: "slow down" } },
      },
      jsonReply(GOOD_REPLY),
    );
    const request = input();
    const answer = await composer.compose(request);

    expect(answer).toBe(request.extractive);
    expectSound(answer);
    expect(fake().requests).toHaveLength(1);
    expect(fallbackReasons(logger)).toEqual(["rate_limited"]);
  });

  it("retries a 5xx and gives up after the configured retries", async () => {
    const { composer, logger } = composerOn(fake(), { maxRetries: 1 });
    const overloaded = {
      kind: "json",
      status: 503,
      headers: { "retry-after-ms": "10" },
      body: { error: { message: "overloaded" } },
    } as const;
    fake().enqueue(overloaded, overloaded, jsonReply(GOOD_REPLY));
    const request = input();
    const answer = await composer.compose(request);

    expect(answer).toBe(request.extractive);
    expectSound(answer);
    expect(fake().requests).toHaveLength(2);
    expect(fallbackReasons(logger)).toEqual(["server_error"]);
  });

  it("falls back when the server stalls past the time budget", async () => {
    const { composer, logger } = composerOn(fake(), { timeoutMs: 1500 });
    fake().enqueue({ kind: "stall" });
    const request = input();
    const answer = await composer.compose(request);

    expect(answer).toBe(request.extractive);
    expect(answer.mode).toBe("extractive");
    expectSound(answer);
    expect(fallbackReasons(logger)).toEqual(["timeout"]);
  });

  it("falls back when the response body stalls half way", async () => {
    const { composer, logger } = composerOn(fake(), { timeoutMs: 1500 });
    fake().enqueue({ kind: "stall_body", partial: '{"id": "chatcmpl-1", "object": "chat.com' });
    const request = input();
    const answer = await composer.compose(request);

    expect(answer).toBe(request.extractive);
    expectSound(answer);
    expect(fallbackReasons(logger)).toEqual(["timeout"]);
  });

  it("does not retry a reply cut at the model's length limit", async () => {
    const { composer, logger } = composerOn(fake());
    fake().enqueue(
      {
        kind: "completion",
        content: JSON.stringify(GOOD_REPLY).slice(0, 60),
        finishReason: "length",
      },
      jsonReply(GOOD_REPLY),
    );
    const request = input();
    const answer = await composer.compose(request);

    expect(answer).toBe(request.extractive);
    expectSound(answer);
    expect(fake().requests).toHaveLength(1);
    expect(fallbackReasons(logger)).toEqual(["truncated_output"]);
  });

  it("retries a refused connection, then falls back", async () => {
    const closed = await startFakeOpenAi();
    const baseURL = closed.baseURL;
    await closed.close();
    const { composer, logger } = composerOn(fake(), { baseURL, maxRetries: 1 });
    const request = input();
    const answer = await composer.compose(request);

    expect(answer).toBe(request.extractive);
    expectSound(answer);
    expect(fallbackReasons(logger)).toEqual(["connection_error"]);
    const retried = logger.records.filter((r) => r.msg === "retrying the model");
    expect(retried).toHaveLength(1);
  });

  it("stops when the caller aborts", async () => {
    const { composer, logger } = composerOn(fake());
    fake().enqueue({ kind: "stall" });
    const controller = new AbortController();
    const request = { ...input(), signal: controller.signal };
    const pending = composer.compose(request);
    await expect.poll(() => fake().requests.length, { timeout: 10_000 }).toBe(1);
    controller.abort();
    const answer = await pending;

    expect(answer).toBe(request.extractive);
    expect(fallbackReasons(logger)).toEqual(["aborted"]);
  });

  it("keeps the extractive answer when the model refuses or says the passages do not answer", async () => {
    const { composer, logger } = composerOn(fake());
    fake().enqueue(
      { kind: "completion", content: "", refusal: "I can't help with that." },
      jsonReply({ answered: false, answer: "", claims: [] }),
    );
    const first = input();
    expect(await composer.compose(first)).toBe(first.extractive);
    const second = input("What did Lavrov say about the weather?");
    const answer = await composer.compose(second);

    expect(answer).toBe(second.extractive);
    expectSound(answer);
    expect(fake().requests).toHaveLength(2);
    expect(fallbackReasons(logger)).toEqual(["refused", "model_says_not_answered"]);
  });

  it("does not retry a rejected key, and says which variable to check", async () => {
    const { composer, logger } = composerOn(fake(), { apiKey: "sk-test-secret" });
    fake().enqueue(
      { kind: "json", status: 401, body: { error: { message: "Incorrect API key provided" } } },
      jsonReply(GOOD_REPLY),
    );
    const request = input();
    expect(await composer.compose(request)).toBe(request.extractive);
    expect(fake().requests).toHaveLength(1);
    expect(fake().requests[0]?.headers.authorization).toBe("Bearer sk-test-secret");
    const warning = logger.records.find((r) => r.level === "warn");
    expect(warning?.fields.detail).toContain("OPENAI_API_KEY");
    expect(JSON.stringify(logger.records)).not.toContain("sk-test-secret");
  });

  it("asks again without response_format when the server rejects it", async () => {
    const { composer } = composerOn(fake(), { maxRetries: 0 });
    fake().enqueue(
      {
        kind: "json",
        status: 400,
        body: { error: { message: "response_format json_schema is not supported" } },
      },
      jsonReply(GOOD_REPLY),
      jsonReply(GOOD_REPLY),
    );
    const answer = await composer.compose(input());

    expect(answer.mode).toBe("llm");
    expectSound(answer);
    expect(fake().requests).toHaveLength(2);
    expect(fake().requests[0]?.body.response_format).toBeDefined();
    expect(fake().requests[1]?.body.response_format).toBeUndefined();
    // Remembered: the next question goes without it from the start.
    await composer.compose(input());
    expect(fake().requests[2]?.body.response_format).toBeUndefined();
  });
});
