import { Worker } from "node:worker_threads";
import type { Article } from "../corpus/article.ts";
import type { AnalysisReply, AnalysisRequest } from "./analysis-worker.ts";
import type { PackedAnalysis } from "./article-analysis.ts";

const WORKER_ENTRY = new URL("./analysis-worker.mjs", import.meta.url);
/** Articles per message: enough that copying is a small share, few enough to spread evenly. */
const BATCH = 25;

/**
 * analyzeArticle for many articles, on worker threads. Analysis is most of a first start
 * and nearly all of its garbage: made in a worker, that garbage and the sentence model
 * never enter the heap that goes on to answer questions. One thread by default: each
 * costs about 200 MB while it runs (its own heap, the model, the loader), and at 10,000
 * articles two put the first start's peak near 700 MB for a third less time, heap limits
 * on the workers or not (see BENCHMARKS.md). Results come back packed (see PackedAnalysis), in the order of
 * `articles`. Rejects with the first failure, after stopping every worker.
 */
export async function analyzeInWorkers(
  articles: readonly Pick<Article, "paragraphs">[],
  threads = 1,
): Promise<PackedAnalysis[]> {
  const results: PackedAnalysis[] = new Array(articles.length);
  const batches = Math.ceil(articles.length / BATCH);
  if (batches === 0) return results;
  const workers = Array.from(
    { length: Math.max(1, Math.min(threads, batches)) },
    () => new Worker(WORKER_ENTRY),
  );
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches) return resolve();
              const batch = next++;
              const slice = articles.slice(batch * BATCH, (batch + 1) * BATCH);
              worker.postMessage({
                batch,
                // Only what analysis reads: metadata stays behind.
                articles: slice.map((a) => ({ paragraphs: a.paragraphs })),
              } satisfies AnalysisRequest);
            };
            worker.on("message", (reply: AnalysisReply) => {
              if ("error" in reply)
                return reject(new Error(`article analysis failed: ${reply.error}`));
              reply.analyses.forEach((analysis, i) => {
                results[reply.batch * BATCH + i] = analysis;
              });
              send();
            });
            worker.on("error", (error) =>
              reject(new Error(`article analysis failed: ${error.message}`)),
            );
            worker.on("exit", (code) => {
              if (next < batches || code !== 0)
                reject(new Error(`article analysis stopped (exit code ${code})`));
            });
            send();
          }),
      ),
    );
    return results;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
