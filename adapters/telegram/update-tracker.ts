import type { Context, MiddlewareFn } from "grammy";

/**
 * Knows which updates are still being handled and the last one received, so a shutdown
 * can let answers in progress finish and tell Telegram which updates are done.
 */
export interface UpdateTracker {
  middleware: MiddlewareFn<Context>;
  /**
   * Work an update started but does not wait for (a moderator's refresh, which must not
   * hold up the chat): a shutdown waits for it as for an update.
   */
  track(task: Promise<unknown>): void;
  lastUpdateId(): number | undefined;
  /** Resolves once nothing is in flight, or after `timeoutMs`; true if it drained. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createUpdateTracker(): UpdateTracker {
  const inFlight = new Set<Promise<unknown>>();
  let last: number | undefined;
  const track = (task: Promise<unknown>): void => {
    const settled = task.then(
      () => {},
      () => {},
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
  };
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
    track,
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
