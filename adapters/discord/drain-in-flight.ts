import type { Logger } from "../../src/index.ts";

/**
 * Waits for the answers in progress at shutdown, at most `timeoutMs`; past it they are
 * dropped (logged), so a hung request never holds a stop.
 */
export async function drainInFlight(
  inFlight: ReadonlySet<Promise<void>>,
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  const drained = Promise.allSettled([...inFlight]).then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  if (!(await Promise.race([drained, timeout]))) {
    logger.warn(
      { drainTimeoutMs: timeoutMs },
      "Discord: answers still in progress at shutdown were dropped",
    );
  }
  clearTimeout(timer);
}
