import type { SpeakerSummary } from "./engine.ts";

/** Suggestions a look-up can give without walking its matches: Discord shows 25. */
export const MAX_SUGGESTIONS = 25;
/** A prefix shared by more keys than this has its best suggestions stored in advance. */
const HEAVY_PREFIX = 64;

/**
 * Speakers by what a person has typed so far, as autocomplete needs them: a look-up
 * costs the suggestions it returns (plus at most HEAVY_PREFIX keys), whatever the number
 * of speakers. `visited` counts the keys and stored entries look-ups have read, so a test
 * can check that bound by counting instead of timing.
 */
export interface SpeakerSuggester {
  /**
   * Speakers with a word of their name starting with `query` (most quoted first), then
   * those with a word of a role starting with it ("foreign min" finds foreign ministers).
   * A query of several words matches words in a row ("vladimir pu"). Case and accents
   * do not matter. An empty query gives the most quoted.
   */
  suggest(query: string, limit?: number): SpeakerSummary[];
  readonly visited: number;
}

/** Lower case, accents off, hyphens as spaces: "Jean-Claude Juncker" → "jean claude juncker". */
export function foldForSuggestion(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\s\-‐‑–—]+/g, " ")
    .trim();
}

/** Every tail of the words: "vladimir putin" → "vladimir putin", "putin". */
function wordTails(folded: string): string[] {
  const words = folded.split(" ").filter((w) => w !== "");
  return words.map((_, i) => words.slice(i).join(" "));
}

/**
 * Sorted keys, each with the rank of its speaker, and for every prefix shared by more
 * than HEAVY_PREFIX keys its best MAX_SUGGESTIONS ranks: a look-up either finds its prefix
 * there or walks a range of at most HEAVY_PREFIX keys.
 */
class PrefixIndex {
  readonly #keys: string[];
  readonly #ranks: Int32Array;
  readonly #heavy = new Map<string, Int32Array>();
  visited = 0;

  /** `ranksByKey`: each key's ranks, ascending. */
  constructor(ranksByKey: Map<string, number[]>) {
    // The distinct keys sorted natively (a comparator in JavaScript was most of the build),
    // then each repeated once per rank, so a range of keys is a range of entries.
    const keys: string[] = [];
    const ranks: number[] = [];
    for (const key of [...ranksByKey.keys()].sort()) {
      for (const rank of ranksByKey.get(key) as number[]) {
        keys.push(key);
        ranks.push(rank);
      }
    }
    this.#keys = keys;
    this.#ranks = Int32Array.from(ranks);
    this.#storeHeavy(0, keys.length, 0, null);
  }

  /** Distinct ranks of the keys starting with `prefix`, best first, at most `limit`. */
  find(prefix: string, limit: number): number[] {
    const stored = this.#heavy.get(prefix);
    if (stored && limit <= MAX_SUGGESTIONS) {
      const best = [...stored.subarray(0, limit)];
      this.visited += best.length;
      return best;
    }
    const keys = this.#keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ranks = new Set<number>();
    for (let i = lo; i < keys.length && (keys[i] as string).startsWith(prefix); i++) {
      this.visited += 1;
      ranks.add(this.#ranks[i] as number);
    }
    return [...ranks].sort((a, b) => a - b).slice(0, limit);
  }

  /**
   * Walks the keys sharing their first `depth` characters, in [from, to), by next
   * character. `best` is that range's stored ranks: a longer prefix with the same keys
   * (every speaker whose role is "Minister" shares "m", "mi", … "minister") reuses them.
   */
  #storeHeavy(from: number, to: number, depth: number, best: Int32Array | null): void {
    const keys = this.#keys;
    let i = from;
    while (i < to && (keys[i] as string).length <= depth) i++;
    while (i < to) {
      const char = (keys[i] as string)[depth];
      let end = i + 1;
      while (end < to && (keys[end] as string)[depth] === char) end++;
      if (end - i > HEAVY_PREFIX) {
        const prefix = (keys[i] as string).slice(0, depth + 1);
        const top = i === from && end === to && best ? best : this.#best(i, end);
        this.#heavy.set(prefix, top);
        this.#storeHeavy(i, end, depth + 1, top);
      }
      i = end;
    }
  }

  /** The MAX_SUGGESTIONS smallest distinct ranks in [from, to). */
  #best(from: number, to: number): Int32Array {
    const sorted = this.#ranks.slice(from, to).sort();
    const top: number[] = [];
    for (let i = 0; i < sorted.length && top.length < MAX_SUGGESTIONS; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) top.push(sorted[i] as number);
    }
    return Int32Array.from(top);
  }
}

/** Builds the look-ups once for a corpus's speakers, in the order suggestions should come. */
export function createSpeakerSuggester(speakers: readonly SpeakerSummary[]): SpeakerSuggester {
  const names = new Map<string, number[]>();
  const roles = new Map<string, number[]>();
  const add = (to: Map<string, number[]>, key: string, rank: number) => {
    const ranks = to.get(key);
    if (ranks === undefined) to.set(key, [rank]);
    else if (ranks[ranks.length - 1] !== rank) ranks.push(rank);
  };
  // In rank order, so each key's ranks come out ascending.
  speakers.forEach((speaker, rank) => {
    for (const key of wordTails(foldForSuggestion(speaker.name))) add(names, key, rank);
    for (const role of speaker.roles) {
      for (const key of wordTails(foldForSuggestion(role))) add(roles, key, rank);
    }
  });
  const byName = new PrefixIndex(names);
  const byRole = new PrefixIndex(roles);
  let visitedHere = 0;
  return {
    suggest(query, limit = MAX_SUGGESTIONS) {
      const wanted = Math.max(0, Math.floor(limit));
      const q = foldForSuggestion(query);
      if (q === "") {
        visitedHere += Math.min(wanted, speakers.length);
        return speakers.slice(0, wanted);
      }
      const ranks = byName.find(q, wanted);
      if (ranks.length < wanted) {
        const named = new Set(ranks);
        for (const rank of byRole.find(q, wanted)) {
          if (ranks.length >= wanted) break;
          if (!named.has(rank)) ranks.push(rank);
        }
      }
      return ranks.map((rank) => speakers[rank] as SpeakerSummary);
    },
    get visited() {
      return visitedHere + byName.visited + byRole.visited;
    },
  };
}
