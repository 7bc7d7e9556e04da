/**
 * A seeded pseudo-random source, so the same seed always yields the same synthetic corpus
 * and questions on every machine (Math.random would make runs incomparable).
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /**
   * Picks with a Zipf-like bias towards the start of `items` (rank r has weight 1/r^s):
   * word and name frequencies in real news follow this shape, and BM25's idf depends on it.
   */
  zipf<T>(items: readonly T[], s?: number): T;
  /** `k` distinct items (or all of them if there are fewer). */
  sample<T>(items: readonly T[], k: number): T[];
  /** A new independent source derived from this one (for sub-generators). */
  fork(): Prng;
}

/** Cumulative Zipf weights per list and exponent; lists are never mutated once built. */
const ZIPF_TABLES = new WeakMap<readonly unknown[], Map<number, Float64Array>>();

function cumulative(items: readonly unknown[], s: number): Float64Array {
  let byExponent = ZIPF_TABLES.get(items);
  if (!byExponent) {
    byExponent = new Map();
    ZIPF_TABLES.set(items, byExponent);
  }
  let table = byExponent.get(s);
  if (!table || table.length !== items.length) {
    table = new Float64Array(items.length);
    let sum = 0;
    for (let r = 0; r < items.length; r++) {
      sum += 1 / (r + 1) ** s;
      table[r] = sum;
    }
    byExponent.set(s, table);
  }
  return table;
}

/** mulberry32: tiny, fast and good enough for test data; 32-bit state. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);

  const prng: Prng = {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(items.length)] as T;
    },
    zipf<T>(items: readonly T[], s = 1): T {
      if (items.length === 0) throw new Error("zipf from an empty list");
      const table = cumulative(items, s);
      const target = next() * (table[table.length - 1] as number);
      let lo = 0;
      let hi = table.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((table[mid] as number) < target) lo = mid + 1;
        else hi = mid;
      }
      return items[lo] as T;
    },
    sample<T>(items: readonly T[], k: number): T[] {
      const copy = items.slice();
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + int(copy.length - i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, n);
    },
    fork: () => createPrng(Math.floor(next() * 4294967296)),
  };
  return prng;
}
