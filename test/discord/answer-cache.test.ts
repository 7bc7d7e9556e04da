import { describe, expect, it } from "vitest";
import { type CachedAnswer, createAnswerCache } from "../../adapters/discord/answer-cache.ts";

const entry = (question: string): CachedAnswer => ({
  question,
  offset: 0,
  shown: 0,
  answer: {
    status: "not_found",
    question,
    text: "",
    quotes: [],
    mode: "extractive",
    speaker: null,
    moreQuotes: 0,
  },
});

describe("answer cache", () => {
  it("gives short, URL-safe ids that fit a custom_id", () => {
    const cache = createAnswerCache();
    const ids = new Set(Array.from({ length: 200 }, (_, i) => cache.put(entry(`q${i}`))));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[\w-]{8}$/);
  });

  it("forgets answers after the TTL", () => {
    let now = 1_000;
    const cache = createAnswerCache({ ttlMs: 100, now: () => now });
    const id = cache.put(entry("q"));
    now += 99;
    expect(cache.get(id)?.question).toBe("q");
    now += 1;
    expect(cache.get(id)).toBeUndefined();
  });

  it("keeps at most maxEntries, dropping the oldest", () => {
    const cache = createAnswerCache({ maxEntries: 3 });
    const ids = ["a", "b", "c", "d"].map((q) => cache.put(entry(q)));
    expect(cache.get(ids[0] as string)).toBeUndefined();
    expect(ids.slice(1).map((id) => cache.get(id)?.question)).toEqual(["b", "c", "d"]);
  });

  it("says nothing about ids it never gave", () => {
    expect(createAnswerCache().get("nope")).toBeUndefined();
  });
});
