import { type CorpusCacheStats, openCorpusCache } from "../../src/engine/corpus-cache.ts";
import { analyzeAhead } from "../../src/engine/load-engine.ts";
import { loadSnapshot } from "../../src/engine/load-snapshot.ts";
import { snapshotFileOf, snapshotFingerprint } from "../../src/engine/snapshot-file.ts";
import { createEngine, loadCorpus } from "../../src/index.ts";
import { SILENT_LOGGER } from "../../src/log/logger.ts";
import {
  generateQuestions,
  QUESTION_KINDS,
  type QuestionKind,
} from "../corpus/generate-questions.ts";
import { prepareCorpus } from "./bench-corpus.ts";
import { INDEX_KINDS, type IndexKind } from "./index-kinds.ts";
import { type LatencySummary, nowMs, summarize, timeEach } from "./latency.ts";
import { type MemorySnapshot, peakRssMiB, settledMemorySnapshot } from "./memory.ts";
import {
  type CorpusFacts,
  countKinds,
  currentLoad,
  questionSpeakers,
  type SizeOptions,
} from "./size-options.ts";

/**
 * "first": a start with an empty DATA_DIR (everything parsed and analysed, then cached);
 * "restart": the next start, from the cache the first one wrote.
 */
export type StartKind = "first" | "restart";

export interface EnginePartResult extends CorpusFacts {
  part: "engine";
  index: IndexKind;
  start: StartKind;
  /** Opening the corpus cache (reading DATA_DIR/cache). */
  openCacheMs: number;
  /** Reading and parsing the article files (or taking them from the cache). */
  loadCorpusMs: number;
  /**
   * The snapshot: read from its saved file (bm25, when it holds) or built (sentences,
   * speakers, analysis from the cache, the index).
   */
  buildEngineMs: number;
  /** Writing the cache (only what changed) and a snapshot built now. */
  saveCacheMs: number;
  /** Everything loadEngine does before the first answer. */
  coldStartMs: number;
  /** Since the process started, module loading included. */
  processReadyMs: number;
  cache: CorpusCacheStats;
  passages: number;
  /** Whether the snapshot (bm25) was read from the file a previous start saved. */
  snapshotFromFile: boolean;
  /** After loading, after a GC, once freed pages went back to the system. */
  memory: MemorySnapshot;
  /** The most resident memory the start needed (the process's high-water mark), in MiB. */
  peakRssMiB: number;
  ask: LatencySummary;
  /** The same, question kind by kind: role and misspelt-name questions cost more than others. */
  askByKind: Record<QuestionKind, LatencySummary>;
  /** Mean CPU milliseconds per ask (see Samples.cpuMean). */
  askCpuMean: number;
  /** Answer status by question kind, over the timed questions. */
  outcomes: Record<QuestionKind, { answered: number; not_found: number }>;
  questions: Record<QuestionKind, number>;
  load: { before: number; after: number };
}

/**
 * The whole extractive engine on one corpus size with one index, started as loadEngine
 * starts it (with a corpus cache in `dataDir`): cold start, resident memory, and `ask`
 * latency (question in, verified Answer out).
 */
export async function measureEnginePart(
  options: SizeOptions,
  index: IndexKind,
  start: StartKind,
  cacheFile: string,
): Promise<EnginePartResult> {
  const loadBefore = currentLoad();
  const corpus = await prepareCorpus(options.size, options);
  const t0 = nowMs();
  const fingerprint = snapshotFingerprint();
  const cache = await openCorpusCache(cacheFile, SILENT_LOGGER);
  const t1 = nowMs();
  const { articles } = await loadCorpus(corpus.dir, { cache: cache.files });
  const t2 = nowMs();
  const factory = INDEX_KINDS[index];
  // With bm25, as loadEngine starts: the snapshot saved beside the cache, when it holds.
  const first =
    index === "bm25"
      ? await loadSnapshot(articles, {
          file: snapshotFileOf(cacheFile),
          fingerprint,
          analyze: (article) => cache.analyze(article),
          prepare: (all) => cache.prepare(all, analyzeAhead),
          logger: SILENT_LOGGER,
        })
      : undefined;
  let passages = 0;
  const engine = createEngine({
    articles,
    indexFactory: (indexed) => {
      passages = indexed.length;
      return factory(indexed);
    },
    analyzeArticle: (article) => cache.analyze(article),
    ...(first ? { snapshot: first.snapshot } : {}),
  });
  const t3 = nowMs();
  await cache.save();
  await first?.save();
  const ready = nowMs();
  const processReadyMs = performance.now();
  // Read before anything else runs: the questions must not count towards the start's peak.
  const peak = peakRssMiB();
  const memory = await settledMemorySnapshot();

  const questions = generateQuestions({
    articles,
    speakers: questionSpeakers(corpus.speakers, engine.speakers()),
    places: corpus.places,
    count: options.questions,
    seed: options.seed,
  });
  const outcomes = Object.fromEntries(
    QUESTION_KINDS.map((k) => [k, { answered: 0, not_found: 0 }]),
  ) as EnginePartResult["outcomes"];
  let calls = 0;
  const samples = await timeEach(questions, options.warmup, async (q) => {
    const answer = await engine.ask(q.text);
    // The first `warmup` calls are untimed; count outcomes of the timed ones only.
    if (calls++ >= options.warmup) outcomes[q.kind][answer.status]++;
  });
  return {
    part: "engine",
    index,
    start,
    size: options.size,
    articles: articles.length,
    paragraphs: articles.reduce((sum, a) => sum + a.paragraphs.length, 0),
    corpusPreparedSeconds: corpus.preparedInSeconds,
    openCacheMs: t1 - t0,
    loadCorpusMs: t2 - t1,
    buildEngineMs: t3 - t2,
    saveCacheMs: ready - t3,
    coldStartMs: ready - t0,
    processReadyMs,
    cache: { ...cache.stats },
    passages: first ? first.snapshot.passages.length : passages,
    snapshotFromFile: first?.fromFile ?? false,
    memory,
    peakRssMiB: peak,
    ask: summarize(samples.wall),
    askByKind: Object.fromEntries(
      QUESTION_KINDS.map((k) => [
        k,
        summarize(samples.wall.filter((_, i) => questions[i]!.kind === k)),
      ]),
    ) as Record<QuestionKind, LatencySummary>,
    askCpuMean: samples.cpuMean,
    outcomes,
    questions: countKinds(questions),
    load: { before: loadBefore, after: currentLoad() },
  };
}
