import { rename, unlink } from "node:fs/promises";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { Article } from "../corpus/article.ts";
import type { Logger } from "../log/logger.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import { SnapshotAssembler, type SnapshotPart } from "./snapshot-transfer.ts";
import type {
  SnapshotFailure,
  SnapshotRequest,
  SnapshotUnsaved,
  SnapshotWorkerData,
} from "./snapshot-worker.ts";

const WORKER_ENTRY = new URL("./snapshot-worker.mjs", import.meta.url);
/** Articles per message to the worker: a few milliseconds of copying each. */
const ARTICLES_PER_MESSAGE = 100;

export interface WorkerBuildOptions {
  /** The corpus cache file (DATA_DIR): unchanged articles are not analysed again. */
  cacheFile?: string | null;
  /**
   * Where the worker saves the snapshot for the next start (snapshot-file.ts): about a
   * tenth of a second per 1,000 articles before the snapshot comes over.
   */
  snapshotFile?: string | null;
  /** Told when the snapshot file could not be written (the build still succeeds). */
  logger?: Logger;
}

/** Per snapshot file: builds started, and the newest one whose file is in place. */
const started = new Map<string, number>();
const placed = new Map<string, number>();

/**
 * buildSnapshot with the bm25 index, in a worker thread: sentence splitting, attribution,
 * the speaker directory and the index are built there, and the result comes back in
 * small parts (snapshot-transfer.ts), so the thread that answers questions is never held
 * for more than a few milliseconds. Rejects, with the worker's message, if the build fails.
 */
export async function buildSnapshotInWorker(
  articles: readonly Article[],
  options: WorkerBuildOptions = {},
): Promise<CorpusSnapshot> {
  const target = options.snapshotFile ?? null;
  // Two refreshes can finish out of order: each writes its own file, and it replaces the
  // snapshot file only if no later build's file is already there (an older corpus over a
  // newer one would make the next start build it all again).
  const sequence = target ? (started.get(target) ?? 0) + 1 : 0;
  if (target) started.set(target, sequence);
  const snapshotFile = target ? `${target}.${process.pid}-${sequence}.next` : null;
  const data: SnapshotWorkerData = { cacheFile: options.cacheFile ?? null, snapshotFile };
  const worker = new Worker(WORKER_ENTRY, { workerData: data });
  const assembler = new SnapshotAssembler(articles);
  const unsaved = (reason: string) =>
    options.logger?.warn(
      { file: target, reason },
      "corpus snapshot not saved; the next start builds it",
    );
  const done = new Promise<CorpusSnapshot>((resolve, reject) => {
    worker.on("message", (message: SnapshotPart | SnapshotFailure | SnapshotUnsaved) => {
      try {
        if (message.kind === "error") reject(new Error(`corpus build failed: ${message.message}`));
        else if (message.kind === "unsaved") unsaved(message.error);
        else if (assembler.accept(message)) resolve(assembler.snapshot());
        // The next part once questions waiting meanwhile have had their turn.
        else setImmediate(() => worker.postMessage({ kind: "next" } satisfies SnapshotRequest));
      } catch (error) {
        reject(error);
      }
    });
    worker.on("error", (error) => reject(new Error(`corpus build failed: ${error.message}`)));
    worker.on("exit", (code) => reject(new Error(`corpus build stopped (exit code ${code})`)));
  });
  try {
    for (let i = 0; i < articles.length; i += ARTICLES_PER_MESSAGE) {
      const request: SnapshotRequest = {
        kind: "articles",
        articles: articles.slice(i, i + ARTICLES_PER_MESSAGE) as Article[],
      };
      worker.postMessage(request);
      // Copying a batch is the main thread's work: questions get their turn in between.
      await yieldToLoop();
    }
    worker.postMessage({ kind: "build" } satisfies SnapshotRequest);
    const snapshot = await done;
    if (target && snapshotFile && sequence > (placed.get(target) ?? 0)) {
      try {
        await rename(snapshotFile, target);
        placed.set(target, sequence);
      } catch (error) {
        // ENOENT: the worker could not write it, and has said so.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT")
          unsaved(error instanceof Error ? error.message : String(error));
      }
    }
    return snapshot;
  } finally {
    await worker.terminate();
    // Left when a later build's file is in place, the build failed, or the rename did.
    if (snapshotFile) await unlink(snapshotFile).catch(() => {});
  }
}
