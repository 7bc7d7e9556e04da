import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ExtractReply, ExtractRequest } from "./article-worker.ts";
import type { ExtractedArticle } from "./extract-article.ts";
import { DEFAULT_FETCH_LIMITS } from "./fetch-page.ts";
import { IngestError, type IngestErrorCode } from "./ingest-error.ts";

export interface ExtractOptions {
  /** For the extraction itself, from when a worker takes the page (CORPUS_FETCH_TIMEOUT_SECONDS). */
  timeoutMs?: number;
  /** Cancels the extraction (shutdown): the worker is stopped and the signal's reason thrown. */
  signal?: AbortSignal | undefined;
}

const WORKER_ENTRY = new URL("./extract-worker.mjs", import.meta.url);
/** Workers kept at most: pages are read a few at a time; one core stays for the bot. */
const MAX_WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** An idle worker is kept this long: starting one (tsx, linkedom) costs about 0.7 s. */
const IDLE_MS = 30_000;
/** A page within the size cap parses in far less; more means a hostile page. */
const WORKER_HEAP_MB = 512;

const idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];
const waiting: Array<(worker: Worker) => void> = [];
let live = 0;

/**
 * extractArticle in a worker thread, under a deadline: a page built to make parsing or
 * Readability slow (deep nesting, huge trees) costs that worker, not the process. The main
 * thread keeps answering questions meanwhile, and past the deadline the worker is stopped
 * and the page reported as TOO_COMPLEX. Workers are reused and stop when idle.
 */
export async function extractArticleInWorker(
  html: string,
  pageUrl: string,
  options: ExtractOptions = {},
): Promise<ExtractedArticle> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs;
  const signal = options.signal;
  signal?.throwIfAborted();
  const worker = await acquire(signal);
  return new Promise<ExtractedArticle>((resolve, reject) => {
    const finish = (stop: boolean, settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (stop) void worker.terminate();
      else release(worker);
      settle();
    };
    const onMessage = (reply: ExtractReply) =>
      finish(false, () => (reply.ok ? resolve(reply.article) : reject(errorFrom(reply))));
    const onError = (error: Error) =>
      finish(true, () =>
        reject(
          (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new IngestError("TOO_COMPLEX", `page too complex at ${pageUrl}: out of memory`, {
                cause: error,
              })
            : new Error(`page extraction failed at ${pageUrl}: ${error.message}`, {
                cause: error,
              }),
        ),
      );
    const onExit = (code: number) =>
      finish(true, () =>
        reject(new Error(`page extraction stopped at ${pageUrl} (worker exit code ${code})`)),
      );
    const onAbort = () => finish(true, () => reject(signal?.reason));
    const timer = setTimeout(
      () =>
        finish(true, () =>
          reject(
            new IngestError(
              "TOO_COMPLEX",
              `page too complex at ${pageUrl}: no article extracted within ${timeoutMs / 1000} s (CORPUS_FETCH_TIMEOUT_SECONDS)`,
            ),
          ),
        ),
      timeoutMs,
    );
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.ref();
    worker.postMessage({ html, pageUrl } satisfies ExtractRequest);
  });
}

function errorFrom(reply: Extract<ExtractReply, { ok: false }>): Error {
  if (reply.ingest) {
    const code = reply.code as IngestErrorCode;
    return new IngestError(code, reply.message, reply.status ? { status: reply.status } : {});
  }
  const error = new Error(reply.message);
  error.name = reply.code;
  return error;
}

function acquire(signal: AbortSignal | undefined): Promise<Worker> {
  const ready = take();
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      const at = waiting.indexOf(hand);
      if (at >= 0) waiting.splice(at, 1);
      reject(signal?.reason);
    };
    const hand = (worker: Worker) => {
      signal?.removeEventListener("abort", onAbort);
      resolve(worker);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    waiting.push(hand);
  });
}

function take(): Worker | null {
  const kept = idle.pop();
  if (kept) {
    clearTimeout(kept.timer);
    return kept.worker;
  }
  if (live >= MAX_WORKERS) return null;
  live++;
  const worker = new Worker(WORKER_ENTRY, {
    // Not the parent's flags: its `--import tsx` would load a second copy of tsx.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // A job listens for its worker's errors; an idle worker's error only ends it (exit below),
  // and must not become an uncaught 'error' event that takes the process down.
  worker.on("error", () => {});
  worker.once("exit", () => {
    live--;
    const at = idle.findIndex((kept) => kept.worker === worker);
    if (at >= 0) {
      clearTimeout(idle[at]?.timer);
      idle.splice(at, 1);
    }
    wake();
  });
  return worker;
}

function release(worker: Worker): void {
  const next = waiting.shift();
  if (next) {
    next(worker);
    return;
  }
  // An idle worker must not keep the process alive, nor live for ever.
  worker.unref();
  const kept = {
    worker,
    timer: setTimeout(() => {
      // Out of the idle list first: a stopping worker must not be handed a page.
      idle.splice(idle.indexOf(kept), 1);
      void worker.terminate();
    }, IDLE_MS),
  };
  kept.timer.unref();
  idle.push(kept);
}

function wake(): void {
  while (waiting.length > 0) {
    const worker = take();
    if (!worker) return;
    waiting.shift()?.(worker);
  }
}
