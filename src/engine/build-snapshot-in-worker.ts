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
  const snapshotFile = options.snapshotFile ?? null;
  const data: SnapshotWorkerData = { cacheFile: options.cacheFile ?? null, snapshotFile };
  const worker = new Worker(WORKER_ENTRY, { workerData: data });
  const assembler = new SnapshotAssembler(articles);
  const done = new Promise<CorpusSnapshot>((resolve, reject) => {
    worker.on("message", (message: SnapshotPart | SnapshotFailure | SnapshotUnsaved) => {
      try {
        if (message.kind === "error") reject(new Error(`corpus build failed: ${message.message}`));
        else if (message.kind === "unsaved")
          options.logger?.warn(
            { file: snapshotFile, reason: message.error },
            "corpus snapshot not saved; the next start builds it",
          );
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
    return await done;
  } finally {
    await worker.terminate();
  }
}
