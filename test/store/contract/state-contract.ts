import { describe, expect, it } from "vitest";
import type { CachedAnswer } from "../../../src/index.ts";
import { answer, quote } from "./fixtures.ts";
import type { StoreSubject } from "./store-subject.ts";

const vote = (userId: string, v: "up" | "down", answerId = "ans1") => ({
  answerId,
  userId,
  platform: "discord",
  vote: v,
  question: "what did Ushakov say?",
  quotes: [quote(3)],
});

const cached = (question: string): CachedAnswer => ({
  question,
  offset: 2,
  shown: 1,
  answer: answer("Yuri Ushakov", [quote(3, 10)]),
});

/**
 * What feedback, rate limits, follow-up context and the answer cache do, whatever keeps
 * them. Times come from the injected clock in every implementation.
 */
export function stateContract(subject: StoreSubject): void {
  describe(`FeedbackStore contract: ${subject.name}`, () => {
    it("keeps one vote per user per answer; a second click changes it", async () => {
      const { stores } = await subject.fresh();
      const store = await stores.feedback();
      expect(await store.vote(vote("u1", "up"))).toBe("recorded");
      expect(await store.vote(vote("u1", "up"))).toBe("unchanged");
      expect(await store.vote(vote("u1", "down"))).toBe("changed");
      expect(await store.vote(vote("u2", "up"))).toBe("recorded");
      expect(await store.vote(vote("u2", "up", "ans2"))).toBe("recorded");
      expect(await store.votesFor("discord", "ans1")).toEqual({ up: 1, down: 1 });
      expect(await store.votesFor("telegram", "ans1")).toEqual({ up: 0, down: 0 });
    });

    it("keeps the votes for the next store opened on it", async () => {
      const { stores, anotherFeedback } = await subject.fresh();
      const store = await stores.feedback();
      await store.vote(vote("u1", "down"));
      const again = await anotherFeedback();
      expect(await again.votesFor("discord", "ans1")).toEqual({ up: 0, down: 1 });
      expect(await again.vote(vote("u1", "down"))).toBe("unchanged");
    });
  });

  describe(`RateLimiter contract: ${subject.name}`, () => {
    it("allows the limit per window per key, then says how long to wait", async () => {
      const { stores } = await subject.fresh();
      let now = 1_000_000;
      const limiter = stores.rateLimiter("test", { limit: 2, windowMs: 60_000, now: () => now });
      expect(await limiter.take("a")).toEqual({ allowed: true });
      now += 10_000;
      expect(await limiter.take("a")).toEqual({ allowed: true });
      expect(await limiter.take("b")).toEqual({ allowed: true });
      now += 10_000;
      expect(await limiter.take("a")).toEqual({ allowed: false, retryAfterMs: 40_000 });
      now += 40_001;
      expect(await limiter.take("a")).toEqual({ allowed: true });
    });

    it("keeps limits of different names apart", async () => {
      const { stores } = await subject.fresh();
      const now = () => 5_000;
      const one = stores.rateLimiter("one", { limit: 1, windowMs: 60_000, now });
      const two = stores.rateLimiter("two", { limit: 1, windowMs: 60_000, now });
      expect(await one.take("u")).toEqual({ allowed: true });
      expect(await two.take("u")).toEqual({ allowed: true });
      expect((await one.take("u")).allowed).toBe(false);
    });
  });

  describe(`FollowUpStore contract: ${subject.name}`, () => {
    it("hands back the last answer's speaker and the quotes seen", async () => {
      const { stores } = await subject.fresh();
      const memory = stores.followUps({ ttlMs: 60_000, now: () => 0 });
      expect(await memory.recall("c")).toBeUndefined();
      await memory.remember("c", answer("Yuri Ushakov", [quote(3), quote(4, 10)]));
      expect(await memory.recall("c")).toEqual({
        speaker: "Yuri Ushakov",
        seen: [
          { articleId: "a1", paragraph: 3, start: 0 },
          { articleId: "a1", paragraph: 4, start: 10 },
        ],
      });
      expect(await memory.recall("other chat")).toBeUndefined();
    });

    it("accumulates what was seen while the speaker stays, and starts over when it changes", async () => {
      const { stores } = await subject.fresh();
      const memory = stores.followUps({ ttlMs: 60_000, now: () => 0 });
      await memory.remember("c", answer("Yuri Ushakov", [quote(3)]));
      await memory.remember("c", answer("Yuri Ushakov", [quote(5)]));
      expect((await memory.recall("c"))?.seen?.map((s) => s.paragraph)).toEqual([3, 5]);
      await memory.remember("c", answer("Sergey Lavrov", [quote(9)]));
      expect(await memory.recall("c")).toMatchObject({
        speaker: "Sergey Lavrov",
        seen: [{ paragraph: 9 }],
      });
    });

    it("expires after its time to live, keeps not-found answers out, and forgets on request", async () => {
      const { stores } = await subject.fresh();
      let t = 0;
      const memory = stores.followUps({ ttlMs: 10 * 60_000, now: () => t });
      await memory.remember("c", answer("Yuri Ushakov", [quote(3)]));
      await memory.remember("c", answer(null, [], "not_found"));
      t = 10 * 60_000 - 1;
      expect((await memory.recall("c"))?.speaker).toBe("Yuri Ushakov");
      t = 10 * 60_000;
      expect(await memory.recall("c")).toBeUndefined();
      await memory.remember("d", answer("X", [quote(1)]));
      await memory.forget("d");
      expect(await memory.recall("d")).toBeUndefined();
    });

    it("remembers nothing with a time to live of 0", async () => {
      const { stores } = await subject.fresh();
      const off = stores.followUps({ ttlMs: 0 });
      await off.remember("c", answer("Yuri Ushakov", [quote(3)]));
      expect(await off.recall("c")).toBeUndefined();
    });
  });

  describe(`AnswerCache contract: ${subject.name}`, () => {
    it("gives short, URL-safe, distinct ids and hands the answer back whole", async () => {
      const { stores } = await subject.fresh();
      const cache = stores.answerCache();
      const ids = await Promise.all(
        Array.from({ length: 50 }, (_, i) => cache.put(cached(`q${i}`))),
      );
      expect(new Set(ids).size).toBe(50);
      for (const id of ids) expect(id).toMatch(/^[\w-]{8}$/);
      expect(await cache.get(ids[7] as string)).toEqual(cached("q7"));
      expect(await cache.get("nope")).toBeUndefined();
    });

    it("forgets answers after the time to live", async () => {
      const { stores } = await subject.fresh();
      let now = 1_000;
      const cache = stores.answerCache({ ttlMs: 100, now: () => now });
      const id = await cache.put(cached("q"));
      now += 99;
      expect((await cache.get(id))?.question).toBe("q");
      now += 1;
      expect(await cache.get(id)).toBeUndefined();
    });
  });

  describe(`UpdateClaims contract: ${subject.name}`, () => {
    it("lets one delivery of an update claim it: a repeat is taken while it runs, done after", async () => {
      const { stores } = await subject.fresh();
      const claims = stores.updateClaims();
      expect(await claims.claim("telegram:1:10")).toBe("claimed");
      expect(await claims.claim("telegram:1:10")).toBe("taken");
      expect(await claims.claim("telegram:1:11")).toBe("claimed");
      await claims.finish("telegram:1:10");
      expect(await claims.claim("telegram:1:10")).toBe("done");
      expect(await claims.claim("telegram:1:11")).toBe("taken");
    });

    it("lets exactly one of many simultaneous deliveries claim an update", async () => {
      const { stores } = await subject.fresh();
      const claims = stores.updateClaims();
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () => claims.claim("telegram:1:20")),
      );
      expect(outcomes.filter((o) => o === "claimed")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "taken")).toHaveLength(7);
    });

    it("forgets a claim after its time to live, so the key can be claimed again", async () => {
      const { stores } = await subject.fresh();
      let now = 5_000;
      const claims = stores.updateClaims({ ttlMs: 1_000, now: () => now });
      expect(await claims.claim("telegram:1:30")).toBe("claimed");
      await claims.finish("telegram:1:30");
      now += 999;
      expect(await claims.claim("telegram:1:30")).toBe("done");
      now += 1;
      expect(await claims.claim("telegram:1:30")).toBe("claimed");
      expect(await claims.claim("telegram:1:30")).toBe("taken");
    });
  });
}
