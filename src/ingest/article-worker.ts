import { parentPort } from "node:worker_threads";
import { extractArticle } from "./extract-article.ts";
import { IngestError } from "./ingest-error.ts";

/** What the main thread asks of the worker: one page at a time. */
export interface ExtractRequest {
  html: string;
  pageUrl: string;
}

export type ExtractReply =
  | { ok: true; article: ReturnType<typeof extractArticle> }
  | { ok: false; ingest: boolean; code: string; message: string; status: number | undefined };

// Runs in a worker thread started by extractArticleInWorker: the CPU-bound parsing and
// Readability happen here, so the main thread keeps answering while a page is read.
parentPort?.on("message", ({ html, pageUrl }: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { ok: true, article: extractArticle(html, pageUrl) };
  } catch (error) {
    reply =
      error instanceof IngestError
        ? {
            ok: false,
            ingest: true,
            code: error.code,
            message: error.message,
            status: error.status,
          }
        : {
            ok: false,
            ingest: false,
            code: (error as Error)?.name ?? "Error",
            message: (error as Error)?.message ?? String(error),
            status: undefined,
          };
  }
  parentPort?.postMessage(reply);
});
