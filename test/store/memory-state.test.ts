import { describe, expect, it } from "vitest";
import {
  createAnswerCache,
  createFollowUpMemory,
  createRateLimiter,
  describeWait,
} from "../../src/index.ts";
import { answer, quote } from "./contract/fixtures.ts";

// The shared behaviour is in ./contract; these are the bounds only memory needs.
describe("in-memory state", () => {
  it("a rate limiter forgets the least recently used keys past its cap", async () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => 0, maxKeys: 2 });
    await limiter.take("a");
    await limiter.take("b");
    await limiter.take("c");
    expect(await limiter.take("a")).toEqual({ allowed: true });
    expect((await limiter.take("c")).allowed).toBe(false);
  });

  it("follow-up memory keeps at most maxChats, the least recently answered going first", async () => {
    const small = createFollowUpMemory({ ttlMs: 60_000, maxChats: 2 });
    for (const chat of ["a", "b", "c"]) await small.remember(chat, answer("X", [quote(1)]));
    expect(await small.recall("a")).toBeUndefined();
    expect((await small.recall("c"))?.speaker).toBe("X");
  });

  it("the answer cache keeps at most maxEntries, dropping the oldest", async () => {
    const cache = createAnswerCache({ maxEntries: 3 });
    const entry = (question: string) => ({
      question,
      offset: 0,
      shown: 0,
      answer: answer(null, [], "not_found"),
    });
    const ids: string[] = [];
    for (const q of ["a", "b", "c", "d"]) ids.push(await cache.put(entry(q)));
    expect(await cache.get(ids[0] as string)).toBeUndefined();
    const kept = await Promise.all(ids.slice(1).map((id) => cache.get(id)));
    expect(kept.map((e) => e?.question)).toEqual(["b", "c", "d"]);
  });

  it("describes waits for people", () => {
    expect(describeWait(400)).toBe("in 1 second");
    expect(describeWait(42_000)).toBe("in 42 seconds");
    expect(describeWait(150_000)).toBe("in 3 minutes");
  });
});
