import { parentPort } from "node:worker_threads";
import type { Article } from "../corpus/article.ts";
import { analyzeArticle, type PackedAnalysis, packAnalysis } from "./article-analysis.ts";

/** A batch of articles to analyse, numbered so replies can be matched to it. */
export interface AnalysisRequest {
  batch: number;
  articles: Pick<Article, "paragraphs">[];
}

export type AnalysisReply =
  | { batch: number; analyses: PackedAnalysis[] }
  | { batch: number; error: string };

const port = parentPort;
if (!port) throw new Error("analysis-worker.ts runs in a worker thread only");

port.on("message", ({ batch, articles }: AnalysisRequest) => {
  try {
    port.postMessage({
      batch,
      analyses: articles.map((a) => packAnalysis(analyzeArticle(a))),
    } satisfies AnalysisReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ batch, error: message } satisfies AnalysisReply);
  }
});
