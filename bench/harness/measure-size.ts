import { loadavg } from "node:os";
import { loadCorpus } from "../../src/corpus/load-corpus.ts";
import { createBm25Index } from "../../src/search/bm25-index.ts";
import { type BenchQuestion, generateQuestions } from "../corpus/generate-questions.ts";
import { placeholderAnalyze } from "../indexes/placeholder-analyzer.ts";
import { createPlaceholderMinisearchIndex } from "../indexes/placeholder-minisearch-index.ts";
import { placeholderPassages } from "../indexes/placeholder-passages.ts";
import { type BenchSize, prepareCorpus } from "./bench-corpus.ts";
import { nowMs } from "./latency.ts";
import { type IndexComparison, measureIndexes } from "./measure-indexes.ts";
import { type MemorySnapshot, memorySnapshot } from "./memory.ts";

export interface SizeOptions {
  size: BenchSize;
  seed: number;
  cacheDir: string;
  questions: number;
  warmup: number;
}

export interface IndexPartResult {
  part: "indexes";
  size: BenchSize;
  articles: number;
  paragraphs: number;
  /** Seconds spent generating the synthetic corpus (0 if cached): not part of cold start. */
  corpusPreparedSeconds: number;
  loadCorpusMs: number;
  passagesMs: number;
  /** Where passages and term analysis came from: the engine's, or the bench's stand-ins. */
  analysis: "engine" | "placeholder";
  questions: Record<BenchQuestion["kind"], number>;
  comparison: IndexComparison;
  memoryAfter: MemorySnapshot;
  loadavg: { before: number[]; after: number[] };
}

/**
 * Both lexical indexes over the same passages and analysed questions: build time, memory,
 * search latency and how far their rankings agree.
 */
export async function measureIndexPart(options: SizeOptions): Promise<IndexPartResult> {
  const before = loadavg();
  const corpus = await prepareCorpus(options.size, options);
  let start = nowMs();
  const { articles } = await loadCorpus(corpus.dir);
  const loadCorpusMs = nowMs() - start;
  start = nowMs();
  const passages = placeholderPassages(articles);
  const passagesMs = nowMs() - start;
  const questions = generateQuestions({
    articles,
    speakers: corpus.speakers.length > 0 ? corpus.speakers : SHIPPED_SPEAKERS,
    count: options.questions,
    seed: options.seed,
  });
  const queries = questions.map((q) => placeholderAnalyze(q.text)).filter((t) => t.length > 0);
  const comparison = await measureIndexes(
    [
      {
        name: "minisearch",
        build: (p) => createPlaceholderMinisearchIndex(p, placeholderAnalyze),
      },
      { name: "bm25", build: (p) => createBm25Index(p, { analyze: placeholderAnalyze }) },
    ],
    passages,
    queries,
    { warmup: options.warmup, limit: 20, agreementQueries: Math.min(500, queries.length) },
  );
  return {
    part: "indexes",
    size: options.size,
    articles: articles.length,
    paragraphs: articles.reduce((sum, a) => sum + a.paragraphs.length, 0),
    corpusPreparedSeconds: corpus.preparedInSeconds,
    loadCorpusMs,
    passagesMs,
    analysis: "placeholder",
    questions: countKinds(questions),
    comparison,
    memoryAfter: memorySnapshot(),
    loadavg: { before, after: loadavg() },
  };
}

export function countKinds(
  questions: readonly BenchQuestion[],
): Record<BenchQuestion["kind"], number> {
  const counts = { speaker: 0, topic: 0, unanswerable: 0 };
  for (const q of questions) counts[q.kind]++;
  return counts;
}

/** People the shipped article quotes, until the engine can list its speakers. */
export const SHIPPED_SPEAKERS = [
  { name: "Vladimir Putin", topics: ["negotiations", "Kursk"] },
  { name: "Sergey Lavrov", topics: ["talks"] },
  { name: "Yuri Ushakov", topics: ["negotiations"] },
  { name: "Dmitry Medvedev", topics: ["Kursk"] },
  { name: "Mykhailo Podolyak", topics: ["exchange fund"] },
  { name: "Volodymyr Zelensky", topics: ["negotiations"] },
  { name: "Oleksandr Syrskyi", topics: ["territory"] },
  { name: "Rajan Menon", topics: ["counteroffensive"] },
  { name: "Tim Shipman", topics: [] },
  { name: "Anatoliy Burmych", topics: [] },
];
