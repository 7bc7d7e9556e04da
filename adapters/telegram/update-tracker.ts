import type { Context, MiddlewareFn } from "grammy";

/**
 * Knows which updates are still being handled and the last one received, so a shutdown
 * can let answers in progress finish and tell Telegram which updates are done.
 */
export interface UpdateTracker {
  middleware: MiddlewareFn<Context>;
  lastUpdateId(): number | undefined;
  /** Resolves once nothing is in flight, or after `timeoutMs`; true if it drained. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createUpdateTracker(): UpdateTracker {
  const inFlight = new Set<Promise<void>>();
  let last: number | undefined;
  return {
    middleware: async (ctx, next) => {
      last = Math.max(last ?? 0, ctx.update.update_id);
      const task = next();
      inFlight.add(task);
      try {
        await task;
      } finally {
        inFlight.delete(task);
      }
    },
    lastUpdateId: () => last,
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const drained = (async () => {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        return true as const;
      })();
      try {
        return await Promise.race([drained, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
