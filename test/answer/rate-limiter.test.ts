import { describe, expect, it } from "vitest";
import { createRateLimiter, describeWait } from "../../src/index.ts";

describe("createRateLimiter", () => {
  it("allows the limit per window per key, then says how long to wait", () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.take("a")).toEqual({ allowed: true });
    now = 10_000;
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("b")).toEqual({ allowed: true });
    now = 20_000;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterMs: 40_000 });
    now = 60_001;
    expect(limiter.take("a")).toEqual({ allowed: true });
  });

  it("forgets the least recently used keys past its cap", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => 0, maxKeys: 2 });
    limiter.take("a");
    limiter.take("b");
    limiter.take("c");
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("c").allowed).toBe(false);
  });

  it("describes waits for people", () => {
    expect(describeWait(400)).toBe("in 1 second");
    expect(describeWait(42_000)).toBe("in 42 seconds");
    expect(describeWait(150_000)).toBe("in 3 minutes");
  });
});
