import type { LengthNorms } from "./bm25-length-norms.ts";
import type { LexicalHit } from "./lexical-index.ts";

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
  /**
   * Passages this search touched, in the first `count` slots, in the order terms were
   * added: query term q's first touches start at `starts[q]` (see beginTerm).
   */
  touched: Uint32Array;
  count: number;
  starts: Uint32Array;
  /** Query terms begun so far. */
  terms: number;
  /** Passages a second term touched, in the first `multiCount` slots. */
  multi: Uint32Array;
  multiCount: number;
}

export function createAccumulator(size: number): Accumulator {
  return {
    scores: new Float64Array(size),
    masks: new Uint32Array(size),
    touched: new Uint32Array(size),
    count: 0,
    starts: new Uint32Array(32),
    terms: 0,
    multi: new Uint32Array(size),
    multiCount: 0,
  };
}

/** Starts a new search: clears what the last one touched. */
export function resetAccumulator(acc: Accumulator): void {
  const { scores, touched, count } = acc;
  for (let i = 0; i < count; i++) scores[touched[i] as number] = 0;
  acc.count = 0;
  acc.terms = 0;
  acc.multiCount = 0;
}

/** Starts query term number `acc.terms`: its bit is 1 << that number. */
export function beginTerm(acc: Accumulator): number {
  if (acc.terms >= acc.starts.length) throw new RangeError("a search takes at most 32 terms");
  acc.starts[acc.terms] = acc.count;
  return 1 << acc.terms++;
}

/**
 * Adds one term's BM25+ contribution to every passage in postings [from, to):
 * weight × (delta + tf (k1 + 1) / (tf + norm)) per field (see LengthNorms).
 */
export function accumulateTerm(
  acc: Accumulator,
  from: number,
  to: number,
  docs: Uint32Array,
  tfText: Uint8Array,
  tfContext: Uint8Array,
  norms: LengthNorms,
  weightText: number,
  weightContext: number,
  delta: number,
  saturation: number,
  bit: number,
): void {
  const { scores, masks, touched, multi } = acc;
  const { codes, text: normText, context: normContext } = norms;
  let count = acc.count;
  let multiCount = acc.multiCount;
  for (let i = from; i < to; i++) {
    const doc = docs[i] as number;
    const ft = tfText[i] as number;
    const fc = tfContext[i] as number;
    const code = codes[doc] as number;
    let add = 0;
    if (ft > 0) {
      add += weightText * (delta + (ft * saturation) / (ft + (normText[code & 0xffff] as number)));
    }
    if (fc > 0) {
      add +=
        weightContext * (delta + (fc * saturation) / (fc + (normContext[code >>> 16] as number)));
    }
    const score = scores[doc] as number;
    if (score === 0) {
      scores[doc] = add;
      masks[doc] = bit;
      touched[count++] = doc;
    } else {
      scores[doc] = score + add;
      const mask = masks[doc] as number;
      if ((mask & (mask - 1)) === 0) multi[multiCount++] = doc;
      masks[doc] = mask | bit;
    }
  }
  acc.count = count;
  acc.multiCount = multiCount;
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
 * turned away after one comparison.
 *
 * Passages two or more terms touched are offered first; then those one term touched,
 * term by term. `alone[q]` bounds the score of a passage that matched query term q only
 * (see mostOneTermAdds): once the heap is full and its worst beats that bound, the rest of
 * term q's passages are not read at all. A common word touches tens of thousands of
 * passages that have nothing else, and reading each of them was a tenth of a question.
 */
export function selectTop(
  acc: Accumulator,
  limit: number,
  docOf: Uint32Array,
  coordination: boolean,
  filter: ((id: number) => boolean) | undefined,
  alone: Float64Array,
): { doc: number; score: number }[] {
  const { scores, masks, touched, count, starts, terms, multi, multiCount } = acc;
  const k = Math.min(limit, count);
  if (k <= 0) return [];
  // The heap keeps each member's final score beside it, so a passage turned away costs a
  // comparison and no write.
  const heap = new Int32Array(k);
  const heapScores = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < multiCount; i++) {
    const doc = multi[i] as number;
    if (filter !== undefined && !filter(docOf[doc] as number)) continue;
    const score = coordination
      ? (scores[doc] as number) * popcount(masks[doc] as number)
      : (scores[doc] as number);
    size = offer(heap, heapScores, size, doc, score, docOf);
  }
  for (let q = 0; q < terms; q++) {
    const bound = alone[q] as number;
    const only = (1 << q) >>> 0;
    const to = q + 1 < terms ? (starts[q + 1] as number) : count;
    for (let i = starts[q] as number; i < to; i++) {
      if (size === k && bound < (heapScores[0] as number)) break;
      const doc = touched[i] as number;
      // A passage first touched by term q that another term touched too was offered above.
      if ((masks[doc] as number) !== only) continue;
      if (filter !== undefined && !filter(docOf[doc] as number)) continue;
      size = offer(heap, heapScores, size, doc, scores[doc] as number, docOf);
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

/** Offers one passage to a heap of `heap.length` slots holding `size`; returns its new size. */
function offer(
  heap: Int32Array,
  heapScores: Float64Array,
  size: number,
  doc: number,
  score: number,
  docOf: Uint32Array,
): number {
  if (size < heap.length) {
    heap[size] = doc;
    heapScores[size] = score;
    siftUp(heap, heapScores, size, docOf);
    return size + 1;
  }
  if (
    score > (heapScores[0] as number) ||
    (score === heapScores[0] && (docOf[doc] as number) < (docOf[heap[0] as number] as number))
  ) {
    heap[0] = doc;
    heapScores[0] = score;
    siftDown(heap, heapScores, size, docOf);
  }
  return size;
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
 * The hits for the passages selectTop chose: each with the query terms it matched (read
 * from the accumulator's bit masks), and those its own text (not only its context) holds,
 * as `inText(q, doc)` tells: looked up for these few only, not tracked for every passage a
 * search touches.
 */
export function hitsOf(
  acc: Accumulator,
  best: readonly { doc: number; score: number }[],
  docOf: Uint32Array,
  terms: readonly string[],
  inText: (q: number, doc: number) => boolean,
): LexicalHit[] {
  return best.map(({ doc, score }) => {
    const mask = acc.masks[doc] as number;
    return {
      id: docOf[doc] as number,
      score,
      matched: terms.filter((_, q) => mask & (1 << q)),
      matchedInText: terms.filter((_, q) => mask & (1 << q) && inText(q, doc)),
    };
  });
}
