import { createAnswerCache } from "./memory-answer-cache.ts";
import { createFollowUpMemory } from "./memory-follow-up-store.ts";
import { createRateLimiter } from "./memory-rate-limiter.ts";
import { createUpdateClaimMemory } from "./memory-update-claims.ts";
import type { Stores } from "./stores.ts";

/** The short-lived state a face keeps between messages, as one machine keeps it: in memory. */
export type SessionState = Pick<
  Stores,
  "rateLimiter" | "followUps" | "answerCache" | "updateClaims"
>;

/**
 * Rate limits, follow-up context, answer caches and update claims in this process: a
 * restart loses little (the first three expire in minutes; with one instance, nobody else
 * could have answered a claimed update). The default of every face and of the lowdb stores.
 */
export const IN_MEMORY_STATE: SessionState = {
  rateLimiter: (_name, options) => createRateLimiter(options),
  followUps: (options) => createFollowUpMemory(options),
  answerCache: (options) => createAnswerCache(options),
  updateClaims: (options) => createUpdateClaimMemory(options),
};
