import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/read-environment.ts";
import { LlmConfigSchema, llmSettings } from "../../src/llm/llm-config.ts";

const parse = (env: Record<string, string | undefined>) => parseConfig(LlmConfigSchema, env);

function problem(env: Record<string, string | undefined>): string {
  try {
    parse(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("LLM configuration", () => {
  it("is off without OPENAI_MODEL", () => {
    expect(llmSettings(parse({}))).toBeNull();
    expect(llmSettings(parse({ OPENAI_API_KEY: "sk-x" }))).toBeNull();
  });

  it("is on with a model and a key, with defaults for the rest", () => {
    expect(llmSettings(parse({ OPENAI_MODEL: "gpt-4o-mini", OPENAI_API_KEY: "sk-x" }))).toEqual({
      apiKey: "sk-x",
      baseURL: undefined,
      model: "gpt-4o-mini",
      timeoutMs: 15_000,
      maxRetries: 2,
      rewriteQueries: true,
    });
  });

  it("needs no key for a local server", () => {
    const settings = llmSettings(
      parse({
        OPENAI_MODEL: "llama3.2",
        OPENAI_BASE_URL: "http://localhost:11434/v1",
        OPENAI_API_KEY: "",
        OPENAI_TIMEOUT_MS: "30000",
        OPENAI_MAX_RETRIES: "0",
        OPENAI_REWRITE_QUERIES: "off",
      }),
    );
    expect(settings).toMatchObject({
      apiKey: undefined,
      baseURL: "http://localhost:11434/v1",
      timeoutMs: 30_000,
      maxRetries: 0,
      rewriteQueries: false,
    });
  });

  it("names the variable that is missing or wrong, without echoing values", () => {
    expect(problem({ OPENAI_MODEL: "gpt-4o-mini" })).toMatch(
      /OPENAI_API_KEY: is required when OPENAI_MODEL is set/,
    );
    expect(problem({ OPENAI_BASE_URL: "localhost:11434" })).toMatch(
      /OPENAI_BASE_URL: must be an http\(s\) URL/,
    );
    expect(problem({ OPENAI_TIMEOUT_MS: "soon" })).toMatch(
      /OPENAI_TIMEOUT_MS: must be a whole number of milliseconds/,
    );
    expect(problem({ OPENAI_TIMEOUT_MS: "50" })).toMatch(/OPENAI_TIMEOUT_MS/);
    expect(problem({ OPENAI_MAX_RETRIES: "9" })).toMatch(
      /OPENAI_MAX_RETRIES: must be a whole number from 0 to 5/,
    );
    expect(problem({ OPENAI_REWRITE_QUERIES: "maybe" })).toMatch(
      /OPENAI_REWRITE_QUERIES: must be on or off/,
    );
    expect(
      problem({ OPENAI_MODEL: "m", OPENAI_API_KEY: "sk-secret", OPENAI_TIMEOUT_MS: "x" }),
    ).not.toContain("sk-secret");
  });
});
