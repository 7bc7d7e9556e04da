import { randomBytes } from "node:crypto";
import type { Answer } from "../../src/index.ts";

/** An answer the bot sent, kept so its buttons ("More quotes", 👍/👎) can act on it. */
export interface CachedAnswer {
  question: string;
  answer: Answer;
  /** Quotes earlier pages showed, before this answer's first. */
  offset: number;
  /** How many of `answer.quotes` the message shows (at most 10 embeds fit). */
  shown: number;
}

export interface AnswerCache {
  /** Stores the answer and returns the short id its buttons carry. */
  put(entry: CachedAnswer): string;
  get(id: string): CachedAnswer | undefined;
}

export interface AnswerCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export const ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_CACHED_ANSWERS = 5_000;

/**
 * A bounded in-memory map from answer id to answer. Button custom_ids hold only the id, so
 * they stay far below Discord's 100 characters; the price is that buttons of answers older
 * than the TTL, evicted, or sent before a restart say "expired, ask again".
 */
export function createAnswerCache(options: AnswerCacheOptions = {}): AnswerCache {
  const { ttlMs = ANSWER_TTL_MS, maxEntries = MAX_CACHED_ANSWERS, now = Date.now } = options;
  const entries = new Map<string, { entry: CachedAnswer; expiresAt: number }>();
  return {
    put(entry) {
      let id = newId();
      while (entries.has(id)) id = newId();
      entries.set(id, { entry, expiresAt: now() + ttlMs });
      // Map order is insertion order: the first keys are the oldest.
      for (const key of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(key);
      }
      return id;
    },
    get(id) {
      const found = entries.get(id);
      if (!found) return undefined;
      if (found.expiresAt <= now()) {
        entries.delete(id);
        return undefined;
      }
      return found.entry;
    },
  };
}

/** 8 URL-safe characters (48 random bits): unguessable enough for a button key. */
function newId(): string {
  return randomBytes(6).toString("base64url");
}
