import type {
  IndexedPassage,
  LexicalHit,
  LexicalIndex,
  LexicalSearchOptions,
} from "../../src/search/lexical-index.ts";
import { type LatencySummary, nowMs, summarize, timeEach } from "./latency.ts";
import { memorySnapshot, retainedMiB } from "./memory.ts";

/** One search as the engine made it: analysed terms, limit, and any speaker filter. */
export interface RecordedSearch {
  terms: string[];
  options: LexicalSearchOptions;
}

export interface IndexCandidate {
  name: string;
  build: (passages: readonly IndexedPassage[]) => LexicalIndex;
}

export interface IndexMeasurement {
  name: string;
  buildMs: number;
  /** JS heap plus typed arrays the index retains, in MiB. */
  retainedMiB: number;
  search: LatencySummary;
  /** Mean CPU milliseconds per search (see Samples.cpuMean). */
  searchCpuMean: number;
  /** Mean number of hits a search returned. */
  meanHits: number;
}

export interface IndexAgreement {
  /** Queries where at least one index found something. */
  queries: number;
  /** Mean |top-k(A) ∩ top-k(B)| / max(|A|, |B|). */
  topKOverlap: number;
  /** As above, but a passage also agrees when it ties A's k-th score (ties order freely). */
  topKOverlapWithTies: number;
  /** Share of queries whose best passage is the same, or tied with it in A. */
  top1Same: number;
  /** Share of B's top-k passages whose scores equal A's within 1e-6 (relative). */
  sameScores: number;
}

export interface IndexComparison {
  passages: number;
  indexes: IndexMeasurement[];
  /** The first candidate (A) against the second (B). */
  agreement: IndexAgreement | null;
}

/**
 * Builds each candidate over the same passages and replays the same searches on each;
 * then compares their top 10. Memory is the retained delta after a GC, so run this in a
 * process started with --expose-gc for honest figures.
 */
export async function measureIndexes(
  candidates: readonly IndexCandidate[],
  passages: readonly IndexedPassage[],
  searches: readonly RecordedSearch[],
  options: { warmup: number; agreementSearches: number },
): Promise<IndexComparison> {
  const built: LexicalIndex[] = [];
  const indexes: IndexMeasurement[] = [];
  for (const candidate of candidates) {
    const before = memorySnapshot();
    const start = nowMs();
    const index = candidate.build(passages);
    const buildMs = nowMs() - start;
    const after = memorySnapshot();
    built.push(index);
    let hits = 0;
    let calls = 0;
    const samples = await timeEach(searches, options.warmup, (s) => {
      hits += index.search(s.terms, s.options).length;
      calls++;
    });
    indexes.push({
      name: candidate.name,
      buildMs,
      retainedMiB: retainedMiB(before, after),
      search: summarize(samples.wall),
      searchCpuMean: samples.cpuMean,
      meanHits: hits / Math.max(1, calls),
    });
  }
  const [a, b] = built;
  const agreement =
    a && b ? compareRankings(a, b, searches.slice(0, options.agreementSearches), 10) : null;
  return { passages: passages.length, indexes, agreement };
}

/** How far B's top `k` agrees with A's, over the same searches (filters included). */
export function compareRankings(
  a: LexicalIndex,
  b: LexicalIndex,
  searches: readonly RecordedSearch[],
  k: number,
): IndexAgreement {
  let counted = 0;
  let overlap = 0;
  let overlapTies = 0;
  let top1 = 0;
  let sameScores = 0;
  let scored = 0;
  for (const { terms, options } of searches) {
    // A's whole ranking, so a passage of B's that ties A's k-th can be recognised.
    const fullA = a.search(terms, { ...options, limit: Number.MAX_SAFE_INTEGER });
    const topB = b.search(terms, { ...options, limit: k });
    const topA = fullA.slice(0, k);
    if (topA.length === 0 && topB.length === 0) continue;
    counted++;
    const scoreA = new Map(fullA.map((hit) => [hit.id, hit.score]));
    const inA = new Set(topA.map((hit) => hit.id));
    const kth = topA.at(-1)?.score ?? Number.POSITIVE_INFINITY;
    const ties = (hit: LexicalHit): boolean => near(scoreA.get(hit.id) ?? -1, kth);
    const denominator = Math.max(topA.length, topB.length);
    overlap += topB.filter((hit) => inA.has(hit.id)).length / denominator;
    overlapTies += topB.filter((hit) => inA.has(hit.id) || ties(hit)).length / denominator;
    const bestA = topA[0];
    const bestB = topB[0];
    if (
      bestA &&
      bestB &&
      (bestA.id === bestB.id || near(scoreA.get(bestB.id) ?? -1, bestA.score))
    ) {
      top1++;
    }
    for (const hit of topB) {
      scored++;
      if (near(scoreA.get(hit.id) ?? -1, hit.score)) sameScores++;
    }
  }
  const share = (x: number, of: number): number => (of > 0 ? x / of : Number.NaN);
  return {
    queries: counted,
    topKOverlap: share(overlap, counted),
    topKOverlapWithTies: share(overlapTies, counted),
    top1Same: share(top1, counted),
    sameScores: share(sameScores, scored),
  };
}

function near(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y), 1e-12);
}
