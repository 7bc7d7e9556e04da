import { AppError, type Logger } from "../src/index.ts";

/** What every started face returns. */
export interface RunningFace {
  stop(): Promise<void>;
}

/** Share of the shutdown time the faces give answers in progress; the rest is for closing. */
const DRAIN_SHARE = 0.8;

/** How long each face may wait for answers in progress, within a shutdown of `timeoutMs`. */
export function drainTimeoutFor(timeoutMs: number): number {
  return Math.floor(timeoutMs * DRAIN_SHARE);
}

/**
 * Stops every face (each finishing the answers it has in progress), but returns after
 * `timeoutMs` whatever happens: a face waiting on a network that no longer answers must
 * not keep the process alive. "timed-out" when some face had not stopped by then.
 */
export async function stopWithin(
  faces: readonly RunningFace[],
  timeoutMs: number,
  logger: Logger,
): Promise<"stopped" | "timed-out"> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timed-out">((resolve) => {
    timer = setTimeout(() => resolve("timed-out"), timeoutMs);
  });
  const stopped = Promise.allSettled(faces.map((face) => face.stop())).then((results) => {
    for (const result of results) {
      if (result.status === "rejected")
        logger.error({ err: String(result.reason) }, "a face failed to stop");
    }
    return "stopped" as const;
  });
  try {
    return await Promise.race([stopped, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Shutdown {
  /** Stops because of a fatal error: the process then exits with code 1. */
  fail(error: unknown): void;
  /**
   * Resolves with the exit code once a stop has finished: 0 after SIGINT or SIGTERM, 1
   * after a fatal error or when the faces did not stop within the time (forced).
   */
  done: Promise<number>;
}

/**
 * Waits for SIGINT, SIGTERM or `fail()`, then stops every face within `timeoutMs`
 * (SHUTDOWN_TIMEOUT_SECONDS). A second signal while stopping exits at once.
 */
export function waitForShutdown(
  faces: readonly RunningFace[],
  logger: Logger,
  timeoutMs: number,
): Shutdown {
  let stopping = false;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    finish = resolve;
  });
  const stop = (reason: Record<string, unknown>, code: number) => {
    stopping = true;
    logger.info({ ...reason, timeoutSeconds: timeoutMs / 1000 }, "shutting down");
    void stopWithin(faces, timeoutMs, logger).then((outcome) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      if (outcome === "timed-out") {
        logger.error(
          { timeoutSeconds: timeoutMs / 1000 },
          "could not stop within SHUTDOWN_TIMEOUT_SECONDS: exiting anyway",
        );
        finish(1);
        return;
      }
      logger.info({}, "stopped");
      finish(code);
    });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(130);
    }
    stop({ signal }, 0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    fail(error) {
      if (stopping) return;
      // The face has logged the details, redacted: a library's message may quote the
      // URL with the token in it, so only an AppError's own message goes here.
      logger.error(error instanceof AppError ? { err: error.message } : {}, "fatal error");
      stop({ reason: "fatal error" }, 1);
    },
    done,
  };
}
