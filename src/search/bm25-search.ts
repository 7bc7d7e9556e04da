import type { Bm25Postings } from "./bm25-postings.ts";
import type { LexicalHit, PassageMatches } from "./lexical-index.ts";

/**
 * The two hot loops of a BM25 search, as plain functions over typed arrays: V8 compiles
 * these to tight machine code (closures over the index's state ran several times slower).
 */

/**
 * Per-search scores, reused by every search of one index. A passage's score is 0 until a
 * term touches it (every BM25+ contribution is positive), and the passages a search
 * touched are set back to 0 when the next one starts: nothing else marks them.
 */
export interface Accumulator {
  scores: Float64Array;
  /** Bit q set: the passage matched query term q. */
  masks: Uint32Array;
  /** Bit q set: the passage's own text (not only its context) has query term q. */
  textMasks: Uint32Array;
  /** Passages this search touched, in the first `count` slots. */
  touched: Uint32Array;
  count: number;
}

export function createAccumulator(size: number): Accumulator {
  return {
    scores: new Float64Array(size),
    masks: new Uint32Array(size),
    textMasks: new Uint32Array(size),
    touched: new Uint32Array(size),
    count: 0,
  };
}

/** Starts a new search: clears what the last one touched. */
export function resetAccumulator(acc: Accumulator): void {
  const { scores, touched, count } = acc;
  for (let i = 0; i < count; i++) scores[touched[i] as number] = 0;
  acc.count = 0;
}

/**
 * Adds one term's BM25+ contribution to every passage in postings [from, to):
 * weight × (delta + tf (k1 + 1) / (tf + norm)) per field, where norm = k1 (1 - b + b len/avg)
 * was computed per passage at build time.
 */
export function accumulateTerm(
  acc: Accumulator,
  from: number,
  to: number,
  docs: Uint32Array,
  tfText: Uint8Array,
  tfContext: Uint8Array,
  normText: Float64Array,
  normContext: Float64Array,
  weightText: number,
  weightContext: number,
  delta: number,
  saturation: number,
  bit: number,
): void {
  const { scores, masks, textMasks, touched } = acc;
  let count = acc.count;
  for (let i = from; i < to; i++) {
    const doc = docs[i] as number;
    const ft = tfText[i] as number;
    const fc = tfContext[i] as number;
    let add = 0;
    if (ft > 0) add += weightText * (delta + (ft * saturation) / (ft + (normText[doc] as number)));
    if (fc > 0) {
      add += weightContext * (delta + (fc * saturation) / (fc + (normContext[doc] as number)));
    }
    const score = scores[doc] as number;
    if (score === 0) {
      scores[doc] = add;
      masks[doc] = bit;
      textMasks[doc] = ft > 0 ? bit : 0;
      touched[count++] = doc;
    } else {
      scores[doc] = score + add;
      masks[doc] = (masks[doc] as number) | bit;
      if (ft > 0) textMasks[doc] = (textMasks[doc] as number) | bit;
    }
  }
  acc.count = count;
}

/**
 * The most one term can add to a passage's score: each field's weight times
 * (delta + tf (k1 + 1) / (tf + norm)), and tf / (tf + norm) < 1.
 */
export function mostOneTermAdds(
  weightText: number,
  weightContext: number,
  delta: number,
  saturation: number,
): number {
  return (weightText + weightContext) * (delta + saturation);
}

/**
 * The best `limit` touched passages that pass `filter`, best first (ties: lower passage
 * id first). With `coordination`, a score is first multiplied by its number of matched
 * terms. A bounded min-heap keeps the worst of the best at its root, so most passages are
 * turned away after one comparison. `alone[q]`, when given, bounds the score of a passage
 * that matched query term q only (see mostOneTermAdds).
 */
export function selectTop(
  acc: Accumulator,
  limit: number,
  docOf: Uint32Array,
  coordination: boolean,
  filter: ((id: number) => boolean) | undefined,
  alone?: Float64Array,
): { doc: number; score: number }[] {
  const { scores, masks, touched, count } = acc;
  const k = Math.min(limit, count);
  if (k <= 0) return [];
  // The heap keeps each member's final score beside it, so a passage turned away costs a
  // comparison and no write.
  const heap = new Int32Array(k);
  const heapScores = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < count; i++) {
    const doc = touched[i] as number;
    // Most passages a common word touches match that word alone: once the heap is full and
    // its worst beats the most that word can give, such a passage is turned away on its
    // bits, without reading its score.
    if (alone !== undefined && size === k) {
      const mask = masks[doc] as number;
      if (
        (mask & (mask - 1)) === 0 &&
        (alone[31 - Math.clz32(mask)] as number) < (heapScores[0] as number)
      )
        continue;
    }
    if (filter !== undefined && !filter(docOf[doc] as number)) continue;
    const score = coordination
      ? (scores[doc] as number) * popcount(masks[doc] as number)
      : (scores[doc] as number);
    if (size < k) {
      heap[size] = doc;
      heapScores[size] = score;
      siftUp(heap, heapScores, size++, docOf);
    } else if (
      score > (heapScores[0] as number) ||
      (score === heapScores[0] && (docOf[doc] as number) < (docOf[heap[0] as number] as number))
    ) {
      heap[0] = doc;
      heapScores[0] = score;
      siftDown(heap, heapScores, size, docOf);
    }
  }
  const best = Array.from({ length: size }, (_, i) => ({
    doc: heap[i] as number,
    score: heapScores[i] as number,
  }));
  return best.sort(
    (a, b) => b.score - a.score || (docOf[a.doc] as number) - (docOf[b.doc] as number),
  );
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether heap slot i ranks below slot j: a lower score, or the same score and a later id. */
function below(
  heap: Int32Array,
  scores: Float64Array,
  i: number,
  j: number,
  docOf: Uint32Array,
): boolean {
  const si = scores[i] as number;
  const sj = scores[j] as number;
  return (
    si < sj ||
    (si === sj && (docOf[heap[i] as number] as number) > (docOf[heap[j] as number] as number))
  );
}

function swap(heap: Int32Array, scores: Float64Array, i: number, j: number): void {
  const doc = heap[i] as number;
  heap[i] = heap[j] as number;
  heap[j] = doc;
  const score = scores[i] as number;
  scores[i] = scores[j] as number;
  scores[j] = score;
}

function siftUp(heap: Int32Array, scores: Float64Array, at: number, docOf: Uint32Array): void {
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!below(heap, scores, i, parent, docOf)) break;
    swap(heap, scores, i, parent);
    i = parent;
  }
}

function siftDown(heap: Int32Array, scores: Float64Array, size: number, docOf: Uint32Array): void {
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let lowest = i;
    if (left < size && below(heap, scores, left, lowest, docOf)) lowest = left;
    if (right < size && below(heap, scores, right, lowest, docOf)) lowest = right;
    if (lowest === i) return;
    swap(heap, scores, i, lowest);
    i = lowest;
  }
}

/**
 * The hits for the passages selectTop chose: each with the query terms it matched, and
 * those its own text (not only its context) holds, read from the accumulator's bit masks.
 */
export function hitsOf(
  acc: Accumulator,
  best: readonly { doc: number; score: number }[],
  docOf: Uint32Array,
  terms: readonly string[],
): LexicalHit[] {
  return best.map(({ doc, score }) => {
    const mask = acc.masks[doc] as number;
    const inText = acc.textMasks[doc] as number;
    return {
      id: docOf[doc] as number,
      score,
      matched: terms.filter((_, q) => mask & (1 << q)),
      matchedInText: terms.filter((_, q) => inText & (1 << q)),
    };
  });
}

/** The postings columns a look-up of terms in given documents reads. */
export type TermLookup = Pick<Bm25Postings, "termIds" | "offsets" | "docs" | "tfText">;

/**
 * Adds to `out[i]` each of `terms` that document `docs[i]` of `postings` has (skipping
 * docs of -1): in `matched`, and in `matchedInText` when its text has it. Each term's
 * postings are sorted by document, so a look-up is a binary search: a term costs
 * log(postings) per document asked about, not a pass over the postings.
 */
export function addMatches(
  postings: TermLookup,
  terms: readonly string[],
  docs: Int32Array,
  out: readonly PassageMatches[],
): void {
  const { termIds, offsets, docs: posted, tfText } = postings;
  for (const term of terms) {
    const id = termIds.get(term);
    if (id === undefined) continue;
    const from = offsets[id] as number;
    const to = offsets[id + 1] as number;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (doc < 0) continue;
      let lo = from;
      let hi = to;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((posted[mid] as number) < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo < to && posted[lo] === doc) {
        const matches = out[i] as PassageMatches;
        matches.matched.push(term);
        if ((tfText[lo] as number) > 0) matches.matchedInText.push(term);
      }
    }
  }
}

/** The internal document number of each passage id: docOf inverted. */
export function docsOfIds(docOf: Uint32Array): Int32Array {
  const docOfId = new Int32Array(docOf.length).fill(-1);
  for (let doc = 0; doc < docOf.length; doc++) docOfId[docOf[doc] as number] = doc;
  return docOfId;
}
