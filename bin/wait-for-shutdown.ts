import type { Logger } from "../src/index.ts";

/** What every started face returns. */
export interface RunningFace {
  stop(): Promise<void>;
}

/**
 * Resolves after SIGINT or SIGTERM has stopped every face (each finishing the answers it
 * has in progress). A second signal while stopping exits at once.
 */
export function waitForShutdown(faces: readonly RunningFace[], logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, "second signal: exiting without waiting");
        process.exit(130);
      }
      stopping = true;
      logger.info({ signal }, "shutting down");
      Promise.allSettled(faces.map((face) => face.stop())).then((results) => {
        for (const result of results) {
          if (result.status === "rejected")
            logger.error({ err: String(result.reason) }, "a face failed to stop");
        }
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        resolve();
      });
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}
