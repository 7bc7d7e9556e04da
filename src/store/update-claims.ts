/**
 * What a delivery of an update finds: `claimed` (this instance handles it now), `done`
 * (handled already: a retried delivery, answered without handling it again) or `taken`
 * (another delivery of it is being handled by an instance that is still alive: the
 * sender should try again later, by when it is done, or its handler is gone).
 */
export type ClaimOutcome = "claimed" | "done" | "taken";

/**
 * Delivered-at-least-once updates handled at most once. A platform that retries a
 * delivery it considers failed (Telegram, after a webhook timed out or its connection was
 * cut) may send one update to two instances; the first to claim its key handles it. A
 * claim whose handler died (its process, or its connection to the database) can be
 * claimed again, so a redelivery of an update nobody finished is not lost.
 */
export interface UpdateClaims {
  /** Claims `key` (an update id the face makes unique, "telegram:<bot>:<update>"). */
  claim(key: string): Promise<ClaimOutcome>;
  /** Marks a claimed update handled, so later deliveries of it find `done`. */
  finish(key: string): Promise<void>;
}

/** Telegram keeps an update it could not deliver for 24 hours; its claim lives as long. */
export const UPDATE_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;
/** Claims kept at most in memory (one machine); the oldest go first. */
export const MAX_MEMORY_CLAIMS = 100_000;

export interface UpdateClaimsOptions {
  /** How long a claim is remembered (default 24 hours). */
  ttlMs?: number;
  now?: () => number;
  /** In memory only: claims kept at most. */
  maxEntries?: number;
}
