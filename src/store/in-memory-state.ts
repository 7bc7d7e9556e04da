import { createAnswerCache } from "./memory-answer-cache.ts";
import { createFollowUpMemory } from "./memory-follow-up-store.ts";
import { createRateLimiter } from "./memory-rate-limiter.ts";
import type { Stores } from "./stores.ts";

/** The short-lived state a face keeps between messages, as one machine keeps it: in memory. */
export type SessionState = Pick<Stores, "rateLimiter" | "followUps" | "answerCache">;

/**
 * Rate limits, follow-up context and answer caches in this process: they expire in
 * minutes, so a restart loses little. The default of every face and of the lowdb stores.
 */
export const IN_MEMORY_STATE: SessionState = {
  rateLimiter: (_name, options) => createRateLimiter(options),
  followUps: (options) => createFollowUpMemory(options),
  answerCache: (options) => createAnswerCache(options),
};
