import { monitorEventLoopDelay } from "node:perf_hooks";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { buildSnapshotInWorker } from "../../src/engine/build-snapshot-in-worker.ts";
import { openCorpusCache } from "../../src/engine/corpus-cache.ts";
import { type Article, createEngine, type Engine, loadCorpus } from "../../src/index.ts";
import { SILENT_LOGGER } from "../../src/log/logger.ts";
import { SEARCH_INDEXES } from "../../src/search/search-indexes.ts";
import { generateQuestions } from "../corpus/generate-questions.ts";
import { prepareCorpus } from "./bench-corpus.ts";
import { type LatencySummary, nowMs, summarize } from "./latency.ts";
import { peakRssMiB } from "./memory.ts";
import {
  type CorpusFacts,
  currentLoad,
  questionSpeakers,
  type SizeOptions,
} from "./size-options.ts";

/** Event-loop delay while something runs, in milliseconds. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export interface RefreshPartResult extends CorpusFacts {
  part: "refresh";
  /** A full refresh (every article again, analyses from the corpus cache), in a worker thread. */
  refreshMs: number;
  /** The main thread's event-loop delay while the refresh ran. */
  loopDelay: LoopDelay;
  /** Questions answered from the old snapshot while the refresh ran, and their latency. */
  askedDuring: LatencySummary;
  /** From adding one article (applied in place: an index segment) to answering from it. */
  addOneMs: number;
  addOneLoopDelay: LoopDelay;
  /** From adding it until the full build that follows in the background is swapped in. */
  addOneMergedMs: number;
  /** The loop's delay while that background build ran. */
  mergeLoopDelay: LoopDelay;
  /** From removing it again to the answer no longer quoting it. */
  removeOneMs: number;
  peakRssMiB: number;
  load: { before: number; after: number };
}

/** An article no other shares a word with: only the new snapshot can answer about it. */
const EXTRA: Article = {
  id: "bench-added-article",
  title: "Quillon Marbrecht on the zeppelin ferry",
  publisher: "Bench Gazette",
  url: "https://news.example.org/bench-added-article",
  published: "2025-01-02",
  language: "en",
  paragraphs: [
    "\u201CThe zeppelin ferry will run every morning from the harbour,\u201D transport commissioner Quillon Marbrecht said on Thursday.",
    "Marbrecht added that tickets for the zeppelin ferry would cost less than the train.",
  ],
};
const EXTRA_QUESTION = "What did Marbrecht say about the zeppelin ferry?";

/**
 * The engine as loadEngine starts it (corpus cache in a scratch file), then a full refresh
 * in a worker thread while questions keep coming, with the event loop's delay measured by
 * perf_hooks; then one article added and removed, timed until the answers show it (and
 * the added one until its full build is swapped in).
 */
export async function measureRefreshPart(
  options: SizeOptions,
  cacheFile: string,
): Promise<RefreshPartResult> {
  const loadBefore = currentLoad();
  const corpus = await prepareCorpus(options.size, options);
  const cache = await openCorpusCache(cacheFile, SILENT_LOGGER);
  const { articles } = await loadCorpus(corpus.dir, { cache: cache.files });
  const engine = createEngine({
    articles,
    indexFactory: SEARCH_INDEXES.bm25,
    analyzeArticle: (article) => cache.analyze(article),
    buildSnapshot: (next) => buildSnapshotInWorker(next, { cacheFile }),
  });
  await cache.save();
  const questions = generateQuestions({
    articles,
    speakers: questionSpeakers(corpus.speakers, engine.speakers()),
    places: corpus.places,
    count: Math.max(200, options.questions),
    seed: options.seed,
  });
  for (const q of questions.slice(0, options.warmup)) await engine.ask(q.text);

  const refresh = await whileAsking(engine, questions, () => engine.replaceArticles(articles));
  const added = await whileAsking(engine, questions, async () => {
    await engine.replaceArticles([...articles, EXTRA]);
    const answer = await engine.ask(EXTRA_QUESTION);
    if (answer.quotes[0]?.source.articleId !== EXTRA.id)
      throw new Error("the added article was not answerable after replaceArticles");
  });
  const merged = await whileAsking(engine, questions, async () => {
    await engine.merged?.();
    const answer = await engine.ask(EXTRA_QUESTION);
    if (answer.quotes[0]?.source.articleId !== EXTRA.id)
      throw new Error("the added article was not answerable after the full build");
  });
  const removed = await whileAsking(engine, questions, async () => {
    await engine.replaceArticles(articles);
    const answer = await engine.ask(EXTRA_QUESTION);
    if (answer.quotes.some((q) => q.source.articleId === EXTRA.id))
      throw new Error("the removed article was still quoted after replaceArticles");
  });
  // Its own background build ends before the process does.
  await engine.merged?.();
  return {
    part: "refresh",
    size: options.size,
    articles: articles.length,
    paragraphs: articles.reduce((sum, a) => sum + a.paragraphs.length, 0),
    corpusPreparedSeconds: corpus.preparedInSeconds,
    refreshMs: refresh.ms,
    loopDelay: refresh.delay,
    askedDuring: summarize(refresh.asked),
    addOneMs: added.ms,
    addOneLoopDelay: added.delay,
    addOneMergedMs: added.ms + merged.ms,
    mergeLoopDelay: merged.delay,
    removeOneMs: removed.ms,
    peakRssMiB: peakRssMiB(),
    load: { before: loadBefore, after: currentLoad() },
  };
}

/**
 * Runs `work` while a stream of questions is asked (one per turn of the event loop, as
 * chats would send them), measuring the loop's delay and each answer's latency.
 */
async function whileAsking(
  engine: Engine,
  questions: readonly { text: string }[],
  work: () => Promise<void>,
): Promise<{ ms: number; delay: LoopDelay; asked: number[] }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const asked: number[] = [];
  let running = true;
  const asking = (async () => {
    for (let i = 0; running; i++) {
      const start = nowMs();
      await engine.ask(questions[i % questions.length]!.text);
      asked.push(nowMs() - start);
      // Chats are not a tight loop: a question every few milliseconds leaves turns free.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  await yieldToLoop();
  histogram.enable();
  const start = nowMs();
  try {
    await work();
  } finally {
    running = false;
  }
  const ms = nowMs() - start;
  histogram.disable();
  await asking;
  const toMs = (ns: number) => ns / 1e6;
  return {
    ms,
    delay: {
      p50: toMs(histogram.percentile(50)),
      p99: toMs(histogram.percentile(99)),
      max: toMs(histogram.max),
    },
    asked,
  };
}
