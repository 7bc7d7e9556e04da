import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_SEED, generateCorpus } from "../../bench/corpus/generate-corpus.ts";
import type { Article, ArticleSummary, Engine, SpeakerSummary } from "../../src/index.ts";

export const TEN_THOUSAND = 10_000;
/** Bump when what is cached changes shape. */
const CACHE_VERSION = 1;

export interface Listings {
  articles: ArticleSummary[];
  speakers: SpeakerSummary[];
}

let made: Promise<Listings> | undefined;

function summaryOf(a: Article): ArticleSummary {
  return {
    id: a.id,
    title: a.title,
    publisher: a.publisher,
    url: a.url,
    published: a.published,
    language: a.language,
    paragraphs: a.paragraphs.length,
    speakers: [],
  };
}

/**
 * The article and speaker lists of the bench generator's 10,000-article corpus, made once
 * per test run and kept between runs under the system temp folder. "Cheap synthetic
 * analysis": the summaries come from the generator's own metadata (who it made speak, and
 * how often) instead of the engine's analysis, which takes minutes at this size; the
 * listings and faces under test only read these lists.
 */
export function tenThousandListings(): Promise<Listings> {
  made ??= readOrMake();
  return made;
}

async function readOrMake(): Promise<Listings> {
  const dir = join(tmpdir(), "newsquote-test-cache");
  const file = join(dir, `listings-v${CACHE_VERSION}-${DEFAULT_SEED}-${TEN_THOUSAND}.json`);
  try {
    return JSON.parse(await readFile(file, "utf8")) as Listings;
  } catch {
    // Not made yet: below.
  }
  const corpus = generateCorpus({ articles: TEN_THOUSAND, seed: DEFAULT_SEED });
  const listings: Listings = {
    articles: corpus.articles.map(summaryOf),
    speakers: corpus.speakers.map((s) => ({
      name: s.name,
      kind: "person",
      roles: s.role ? [s.role] : [],
      statements: s.quotes,
    })),
  };
  await mkdir(dir, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, JSON.stringify(listings));
  await rename(partial, file);
  return listings;
}

/** How many elements of the lists a face has read. */
export interface ReadCounts {
  articles: number;
  speakers: number;
}

/**
 * Counts the elements read from an array (by index, as slice, map and for-of do);
 * `length` and the like are free.
 */
export function countReads<T>(
  items: readonly T[],
  counts: ReadCounts,
  key: keyof ReadCounts,
): readonly T[] {
  return new Proxy(items, {
    get(target, property, receiver) {
      if (typeof property === "string" && /^\d+$/.test(property)) counts[key] += 1;
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * An engine over the lists that answers like createEngine does (a fresh copy of each list
 * per call, O(corpus)) and counts those calls. Questions are not part of these tests.
 */
export function listingEngine(listings: Listings) {
  const calls = { articles: 0, speakers: 0 };
  let current = listings;
  const engine: Engine = {
    maxQuestionLength: 500,
    ask: () => Promise.reject(new Error("no questions in this test")),
    articles: () => {
      calls.articles += 1;
      return [...current.articles];
    },
    speakers: () => {
      calls.speakers += 1;
      return [...current.speakers];
    },
    statements: () => [],
    suggestSpeakers: () => [],
    describeCorpus: () => `${current.articles.length} synthetic articles.`,
    corpusStatus: () => ({ articles: current.articles.length, builtAt: new Date(0).toISOString() }),
    replaceArticles: async (articles) => {
      current = { articles: articles.map(summaryOf), speakers: current.speakers };
    },
  };
  return { engine, calls };
}

/** The engine a face gets, with every element it reads from the lists counted. */
export function countingEngine(engine: Engine, counts: ReadCounts): Engine {
  return {
    get maxQuestionLength() {
      return engine.maxQuestionLength;
    },
    ask: (question, options) => engine.ask(question, options),
    articles: () => countReads(engine.articles(), counts, "articles"),
    speakers: () => countReads(engine.speakers(), counts, "speakers"),
    statements: () => engine.statements(),
    suggestSpeakers: (query, limit) => {
      const found = engine.suggestSpeakers(query, limit);
      counts.speakers += found.length;
      return found;
    },
    describeCorpus: () => engine.describeCorpus(),
    corpusStatus: () => engine.corpusStatus(),
    replaceArticles: (articles) => engine.replaceArticles(articles),
  };
}
