import { type RateLimiter, type RateLimiterOptions, slideWindow } from "./rate-limiter.ts";

/**
 * The single-instance limiter: counters in this process, lost at a restart (a minute's
 * worth of counts, so nothing worth keeping). Platform-free, so every face uses the same
 * one: "10 questions a minute" means the same thing in Telegram and Discord.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs, now = Date.now, maxKeys = 100_000 } = options;
  const uses = new Map<string, number[]>();
  return {
    async take(key) {
      const next = slideWindow(uses.get(key) ?? [], now(), limit, windowMs);
      // Re-insert so Map order is least-recently-used first; drop the oldest past the cap.
      uses.delete(key);
      uses.set(key, next.uses);
      if (uses.size > maxKeys) {
        const oldest = uses.keys().next().value;
        if (oldest !== undefined) uses.delete(oldest);
      }
      return next.decision;
    },
  };
}
