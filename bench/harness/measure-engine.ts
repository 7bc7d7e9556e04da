import { createEngine, loadCorpus } from "../../src/index.ts";
import { generateQuestions, type QuestionKind } from "../corpus/generate-questions.ts";
import { prepareCorpus } from "./bench-corpus.ts";
import { INDEX_KINDS, type IndexKind } from "./index-kinds.ts";
import { type LatencySummary, nowMs, summarize, timeEach } from "./latency.ts";
import { type MemorySnapshot, memorySnapshot } from "./memory.ts";
import {
  type CorpusFacts,
  countKinds,
  currentLoad,
  questionSpeakers,
  type SizeOptions,
} from "./size-options.ts";

export interface EnginePartResult extends CorpusFacts {
  part: "engine";
  index: IndexKind;
  /** Reading and parsing the article files. */
  loadCorpusMs: number;
  /** createEngine: sentences, speakers, analysis and the index. */
  buildEngineMs: number;
  /** loadCorpus + createEngine: what a restart costs before the first answer. */
  coldStartMs: number;
  /** Since the process started, module loading included. */
  processReadyMs: number;
  passages: number;
  /** After loading, after a GC. */
  memory: MemorySnapshot;
  ask: LatencySummary;
  /** CPU time per ask: the same calls without time spent waiting for a core. */
  askCpu: LatencySummary;
  /** Answer status by question kind, over the timed questions. */
  outcomes: Record<QuestionKind, { answered: number; not_found: number }>;
  questions: Record<QuestionKind, number>;
  load: { before: number; after: number };
}

/**
 * The whole extractive engine on one corpus size with one index: cold start, resident
 * memory, and `ask` latency (question in, verified Answer out).
 */
export async function measureEnginePart(
  options: SizeOptions,
  index: IndexKind,
): Promise<EnginePartResult> {
  const loadBefore = currentLoad();
  const corpus = await prepareCorpus(options.size, options);
  const start = nowMs();
  const { articles } = await loadCorpus(corpus.dir);
  const loaded = nowMs();
  let passages = 0;
  const factory = INDEX_KINDS[index];
  const engine = createEngine({
    articles,
    indexFactory: (indexed) => {
      passages = indexed.length;
      return factory(indexed);
    },
  });
  const ready = nowMs();
  const processReadyMs = performance.now();
  const memory = memorySnapshot();

  const questions = generateQuestions({
    articles,
    speakers: questionSpeakers(corpus.speakers, engine.speakers()),
    count: options.questions,
    seed: options.seed,
  });
  const outcomes = {
    speaker: { answered: 0, not_found: 0 },
    topic: { answered: 0, not_found: 0 },
    unanswerable: { answered: 0, not_found: 0 },
  };
  let calls = 0;
  const samples = await timeEach(questions, options.warmup, async (q) => {
    const answer = await engine.ask(q.text);
    // The first `warmup` calls are untimed; count outcomes of the timed ones only.
    if (calls++ >= options.warmup) outcomes[q.kind][answer.status]++;
  });
  return {
    part: "engine",
    index,
    size: options.size,
    articles: articles.length,
    paragraphs: articles.reduce((sum, a) => sum + a.paragraphs.length, 0),
    corpusPreparedSeconds: corpus.preparedInSeconds,
    loadCorpusMs: loaded - start,
    buildEngineMs: ready - loaded,
    coldStartMs: ready - start,
    processReadyMs,
    passages,
    memory,
    ask: summarize(samples.wall),
    askCpu: summarize(samples.cpu),
    outcomes,
    questions: countKinds(questions),
    load: { before: loadBefore, after: currentLoad() },
  };
}
