import {
  ANSWER_TTL_MS,
  type AnswerCache,
  type AnswerCacheOptions,
  type CachedAnswer,
  MAX_CACHED_ANSWERS,
  newAnswerId,
} from "./answer-cache.ts";

/**
 * A bounded in-memory map from answer id to answer. Button custom_ids hold only the id, so
 * they stay far below Discord's 100 characters; the price is that buttons of answers older
 * than the TTL, evicted, or sent before a restart say "expired, ask again".
 */
export function createAnswerCache(options: AnswerCacheOptions = {}): AnswerCache {
  const { ttlMs = ANSWER_TTL_MS, maxEntries = MAX_CACHED_ANSWERS, now = Date.now } = options;
  const entries = new Map<string, { entry: CachedAnswer; expiresAt: number }>();
  return {
    async put(entry) {
      let id = newAnswerId();
      while (entries.has(id)) id = newAnswerId();
      entries.set(id, { entry, expiresAt: now() + ttlMs });
      // Map order is insertion order: the first keys are the oldest.
      for (const key of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(key);
      }
      return id;
    },
    async get(id) {
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
