import { distance } from "fastest-levenshtein";
import { nameKey } from "../speakers/name-key.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";

/**
 * The corpus's words (as name keys) by first letter and length, built once per snapshot
 * on the first misspelt word: a typo is looked up among words of its own first letter
 * and a similar length (a few thousand at 10,000 articles), never the whole vocabulary.
 * People rarely get a word's first letter wrong; they do double or drop letters inside it.
 */
const BUCKETS = new WeakMap<CorpusSnapshot, Map<string, string[]>>();

function buckets(snapshot: CorpusSnapshot): Map<string, string[]> {
  let map = BUCKETS.get(snapshot);
  if (!map) {
    map = new Map();
    for (const key of snapshot.wordKeys) {
      if (key.length < 4 || /\d/.test(key)) continue;
      const bucket = `${key[0]}${key.length}`;
      const list = map.get(bucket);
      if (list) list.push(key);
      else map.set(bucket, [key]);
    }
    BUCKETS.set(snapshot, map);
  }
  return map;
}

/** Edits a word of this many letters may be from the word meant: none under 5. */
export function typoAllowance(length: number): number {
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}

/**
 * The corpus words (name keys) closest to `word` within its typo allowance, nearest
 * first; empty when none is close enough. Ties are all returned: the caller decides.
 */
export function nearestWords(snapshot: CorpusSnapshot, word: string): string[] {
  const key = nameKey(word);
  const allowed = typoAllowance(key.length);
  if (allowed === 0) return [];
  const map = buckets(snapshot);
  let best = allowed + 1;
  let found: string[] = [];
  for (let len = key.length - allowed; len <= key.length + allowed; len++) {
    for (const candidate of map.get(`${key[0]}${len}`) ?? []) {
      const d = distance(key, candidate);
      if (d < best) {
        best = d;
        found = [candidate];
      } else if (d === best) found.push(candidate);
    }
  }
  return found;
}
