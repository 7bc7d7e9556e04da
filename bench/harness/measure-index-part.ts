import { createEngine, loadCorpus } from "../../src/index.ts";
import type { IndexedPassage, LexicalIndex } from "../../src/search/lexical-index.ts";
import { generateQuestions } from "../corpus/generate-questions.ts";
import { prepareCorpus } from "./bench-corpus.ts";
import { INDEX_KINDS } from "./index-kinds.ts";
import { type IndexComparison, measureIndexes, type RecordedSearch } from "./measure-indexes.ts";
import {
  type CorpusFacts,
  currentLoad,
  questionSpeakers,
  type SizeOptions,
} from "./size-options.ts";

export interface IndexPartResult extends CorpusFacts {
  part: "indexes";
  /** Searches the engine made while answering the questions, replayed on each index. */
  searches: number;
  comparison: IndexComparison;
  load: { before: number; after: number };
}

/** Passes every call through to `index` and remembers the searches. */
export function recordingIndex(index: LexicalIndex, log: RecordedSearch[]): LexicalIndex {
  return {
    size: index.size,
    documentFrequency: (term) => index.documentFrequency(term),
    search(terms, options = {}) {
      log.push({ terms: [...terms], options: { ...options } });
      return index.search(terms, options);
    },
  };
}

/**
 * The two lexical indexes side by side on exactly the engine's workload: the passages it
 * indexes and the searches it makes (terms, limits, speaker filters) while answering the
 * benchmark questions. Build time, memory, search latency, and ranking agreement.
 */
export async function measureIndexPart(options: SizeOptions): Promise<IndexPartResult> {
  const loadBefore = currentLoad();
  const corpus = await prepareCorpus(options.size, options);
  const { articles } = await loadCorpus(corpus.dir);
  let passages: readonly IndexedPassage[] = [];
  const searches: RecordedSearch[] = [];
  const engine = createEngine({
    articles,
    indexFactory: (indexed) => {
      passages = indexed;
      return recordingIndex(INDEX_KINDS.bm25(indexed), searches);
    },
  });
  const questions = generateQuestions({
    articles,
    speakers: questionSpeakers(corpus.speakers, engine.speakers()),
    places: corpus.places,
    count: options.questions,
    seed: options.seed,
  });
  for (const q of questions) await engine.ask(q.text);
  const comparison = await measureIndexes(
    [
      { name: "minisearch", build: INDEX_KINDS.minisearch },
      { name: "bm25", build: INDEX_KINDS.bm25 },
    ],
    passages,
    searches,
    { warmup: options.warmup, agreementSearches: Math.min(1000, searches.length) },
  );
  return {
    part: "indexes",
    size: options.size,
    articles: articles.length,
    paragraphs: articles.reduce((sum, a) => sum + a.paragraphs.length, 0),
    corpusPreparedSeconds: corpus.preparedInSeconds,
    searches: searches.length,
    comparison,
    load: { before: loadBefore, after: currentLoad() },
  };
}
