/** The outcome of asking a limiter for one more use. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts uses per key (a user id) in a sliding window. Asynchronous because the counters
 * may live in a database shared by several instances, where "10 a minute" must hold
 * across all of them.
 */
export interface RateLimiter {
  /** Counts one use by `key` if allowed; otherwise says how long until one is. */
  take(key: string): Promise<RateDecision>;
}

export interface RateLimiterOptions {
  /** Uses allowed per window. */
  limit: number;
  windowMs: number;
  /** Injected so tests control time. */
  now?: () => number;
  /** Forget keys idle this long (in memory only); bounds memory with many users. */
  maxKeys?: number;
}

/**
 * The one rule every implementation applies to a key's recent uses (times in ms, oldest
 * first) at time `t`: the uses still inside the window, with `t` added when allowed.
 */
export function slideWindow(
  uses: readonly number[],
  t: number,
  limit: number,
  windowMs: number,
): { decision: RateDecision; uses: number[] } {
  const recent = uses.filter((at) => t - at < windowMs);
  if (recent.length >= limit) {
    return {
      decision: { allowed: false, retryAfterMs: windowMs - (t - (recent[0] ?? t)) },
      uses: recent,
    };
  }
  recent.push(t);
  return { decision: { allowed: true }, uses: recent };
}
