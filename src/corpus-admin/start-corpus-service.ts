import type { CorpusConfig } from "../config/corpus-config.ts";
import { AppError } from "../errors.ts";
import type { Logger } from "../log/logger.ts";
import type { CorpusStore, StoreWatch } from "../store/corpus-store.ts";
import { formatSummary } from "./change-summary.ts";
import type { CorpusManager } from "./corpus-manager.ts";

/**
 * How often the bot looks whether another process (the CLI) changed the store; with a
 * store that announces changes (PostgreSQL), a fallback for a notification missed.
 */
export const STORE_CHECK_INTERVAL_MS = 15_000;

/**
 * The bot's background corpus work: the scheduled refresh (REFRESH_INTERVAL_MINUTES,
 * off at 0) and picking up what the CLI stored while the bot runs. A refresh that finds
 * another operation running is skipped until the next tick, not queued. Given the store,
 * it also reloads as soon as the store says the corpus changed (PostgreSQL NOTIFY: another
 * instance's add, remove or refresh), so every instance answers from the new corpus.
 */
export function startCorpusService(options: {
  manager: CorpusManager;
  config: Pick<CorpusConfig, "REFRESH_INTERVAL_MINUTES">;
  logger: Logger;
  storeCheckIntervalMs?: number;
  /** Overrides REFRESH_INTERVAL_MINUTES, in milliseconds (tests). */
  refreshIntervalMs?: number;
  /** The manager's store, watched for changes made elsewhere. */
  store?: Pick<CorpusStore, "watch">;
}): { stop(): Promise<void> } {
  const { manager, logger } = options;
  const timers: NodeJS.Timeout[] = [];
  let pending: Promise<unknown> = Promise.resolve();

  const minutes = options.config.REFRESH_INTERVAL_MINUTES;
  const every = options.refreshIntervalMs ?? minutes * 60_000;
  if (every > 0) {
    const refresh = async () => {
      try {
        const summary = await manager.refresh({ platform: "schedule", id: "schedule" });
        logger.info({ summary: formatSummary(summary) }, "scheduled refresh done");
      } catch (error) {
        if (error instanceof AppError && error.code === "STORE_BUSY") {
          logger.info({ reason: error.message }, "scheduled refresh skipped");
        } else {
          logger.error({ err: error }, "scheduled refresh failed; the corpus is unchanged");
        }
      }
    };
    timers.push(
      setInterval(() => {
        pending = refresh();
      }, every),
    );
    logger.info({ minutes: every / 60_000 }, "scheduled refresh on");
  }

  const reload = () => {
    pending = manager.reloadIfChanged().catch((error: unknown) => {
      logger.warn({ err: error }, "could not reload the corpus after a change in the store");
    });
  };
  timers.push(setInterval(reload, options.storeCheckIntervalMs ?? STORE_CHECK_INTERVAL_MS));
  const watching: Promise<StoreWatch | null> =
    options.store?.watch(reload).catch((error: unknown) => {
      logger.warn({ err: error }, "cannot watch the store for changes; checking it on a timer");
      return null;
    }) ?? Promise.resolve(null);
  // Background work must not keep a stopping process alive.
  for (const timer of timers) timer.unref();

  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await (await watching)?.close();
      // A refresh cut short stores nothing, so waiting is a courtesy, not a need.
      await Promise.race([pending, new Promise((r) => setTimeout(r, 1_000).unref())]);
    },
  };
}
