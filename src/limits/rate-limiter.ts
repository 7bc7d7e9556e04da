/** The outcome of asking a limiter for one more use. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /** Counts one use by `key` if allowed; otherwise says how long until one is. */
  take(key: string): RateDecision;
}

export interface RateLimiterOptions {
  /** Uses allowed per window. */
  limit: number;
  windowMs: number;
  /** Injected so tests control time. */
  now?: () => number;
  /** Forget keys idle this long; bounds memory with many users. */
  maxKeys?: number;
}

/**
 * A sliding-window limiter per key (a user id). Platform-free, so every face uses the same
 * one: "10 questions a minute" means the same thing in Telegram and Discord.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs, now = Date.now, maxKeys = 100_000 } = options;
  const uses = new Map<string, number[]>();
  return {
    take(key) {
      const t = now();
      const recent = (uses.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        uses.set(key, recent);
        return { allowed: false, retryAfterMs: windowMs - (t - (recent[0] ?? t)) };
      }
      recent.push(t);
      // Re-insert so Map order is least-recently-used first; drop the oldest past the cap.
      uses.delete(key);
      uses.set(key, recent);
      if (uses.size > maxKeys) {
        const oldest = uses.keys().next().value;
        if (oldest !== undefined) uses.delete(oldest);
      }
      return { allowed: true };
    },
  };
}

/** "in 42 seconds" / "in 2 minutes": for telling a person when to try again. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minutes`;
}
