import { platform, setPriority } from "node:os";
import { parentPort, type TransferListItem, workerData } from "node:worker_threads";
import type { Article } from "../corpus/article.ts";
import { SILENT_LOGGER } from "../log/logger.ts";
import { bm25IndexFromPostings, SEARCH_INDEX_WEIGHTS, splitTerms } from "../search/bm25-index.ts";
import { type Bm25Postings, buildPostings } from "../search/bm25-postings.ts";
import { analyzeArticle } from "./article-analysis.ts";
import { openCorpusCache } from "./corpus-cache.ts";
import { buildSnapshot } from "./corpus-snapshot.ts";
import { type SnapshotPart, snapshotParts } from "./snapshot-transfer.ts";

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

export interface SnapshotWorkerData {
  /** The corpus cache: analyses of unchanged articles come from it, and it is saved after. */
  cacheFile: string | null;
}

const port = parentPort;
if (!port) throw new Error("snapshot-worker.ts runs in a worker thread only");
const { cacheFile } = workerData as SnapshotWorkerData;
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
    (passages) => {
      postings = buildPostings(passages, splitTerms, true);
      return bm25IndexFromPostings(postings, SEARCH_INDEX_WEIGHTS);
    },
    cache ? (article) => cache.analyze(article) : analyzeArticle,
  );
  await cache?.save();
  parts = snapshotParts(snapshot, postings!);
  sendNext();
}
