import { platform, setPriority } from "node:os";
import { parentPort, type TransferListItem, workerData } from "node:worker_threads";
import type { Article } from "../corpus/article.ts";
import { SILENT_LOGGER } from "../log/logger.ts";
import type { Bm25Postings } from "../search/bm25-postings.ts";
import { analyzeArticle } from "./article-analysis.ts";
import { bm25Builder } from "./bm25-builder.ts";
import { openCorpusCache } from "./corpus-cache.ts";
import { buildSnapshot, type CorpusSnapshot } from "./corpus-snapshot.ts";
import { corpusKey, snapshotFingerprint } from "./snapshot-file.ts";
import { type SnapshotPart, snapshotParts } from "./snapshot-transfer.ts";
import { writeSnapshotFile } from "./write-snapshot-file.ts";

/**
 * What build-snapshot-in-worker.ts sends: the articles in batches, then "build", then
 * "next" each time it has taken a part and given its own thread a turn.
 */
export type SnapshotRequest =
  | { kind: "articles"; articles: Article[] }
  | { kind: "build" }
  | { kind: "next" };

/** What the worker sends back besides the snapshot's parts. */
export type SnapshotFailure = { kind: "error"; message: string };

/** Sent when the snapshot file could not be written: the build goes on without it. */
export type SnapshotUnsaved = { kind: "unsaved"; error: string };

export interface SnapshotWorkerData {
  /** The corpus cache: analyses of unchanged articles come from it, and it is saved after. */
  cacheFile: string | null;
  /**
   * Where the snapshot is saved for the next start (snapshot-file.ts), before its parts
   * are sent: a restart after a refresh then reads it instead of building.
   */
  snapshotFile: string | null;
}

const port = parentPort;
if (!port) throw new Error("snapshot-worker.ts runs in a worker thread only");
const { cacheFile, snapshotFile } = workerData as SnapshotWorkerData;
const articles: Article[] = [];
// Linux gives each thread its own nice value: this one yields the cores to the thread
// that answers questions. (Elsewhere the call would lower the whole process.)
if (platform() === "linux") {
  try {
    setPriority(19);
  } catch {
    // Not allowed here: the build just competes as an equal.
  }
}
/**
 * Parts go one at a time, each when the answering thread asks for the next: messages
 * queued together are all handled in one turn there (0.57 s at 10,000 articles).
 */
let parts: Generator<[SnapshotPart, TransferListItem[]]> | null = null;

function sendNext(): void {
  const next = parts?.next();
  if (next && !next.done) port!.postMessage(...next.value);
}

/**
 * Writes the snapshot file before any part leaves (they are transferred, so the worker's
 * copies are gone after), and says when it could not.
 */
async function save(snapshot: CorpusSnapshot, postings: Bm25Postings): Promise<void> {
  try {
    const fingerprint = await snapshotFingerprint();
    await writeSnapshotFile(snapshotFile!, snapshot, postings, fingerprint, corpusKey(articles));
  } catch (failure) {
    const error = failure instanceof Error ? failure.message : String(failure);
    port!.postMessage({ kind: "unsaved", error } satisfies SnapshotUnsaved);
  }
}

port.on("message", (request: SnapshotRequest) => {
  if (request.kind === "articles") {
    for (const article of request.articles) articles.push(article);
    return;
  }
  if (request.kind === "next") {
    sendNext();
    return;
  }
  build().catch((error: unknown) => {
    const failure: SnapshotFailure = {
      kind: "error",
      message: error instanceof Error ? error.message : String(error),
    };
    port.postMessage(failure);
  });
});

async function build(): Promise<void> {
  const cache = cacheFile ? await openCorpusCache(cacheFile, SILENT_LOGGER) : null;
  let postings: Bm25Postings | null = null;
  const snapshot = buildSnapshot(
    articles,
    bm25Builder((built) => {
      postings = built;
    }),
    cache ? (article) => cache.analyze(article) : analyzeArticle,
  );
  await cache?.save();
  if (snapshotFile) await save(snapshot, postings!);
  parts = snapshotParts(snapshot, postings!);
  sendNext();
}
