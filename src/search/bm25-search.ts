/**
 * The two hot loops of a BM25 search, as plain functions over typed arrays: V8 compiles
 * these to tight machine code (closures over the index's state ran several times slower).
 */

/** Per-search scores, reused by every search of one index. */
export interface Accumulator {
  scores: Float64Array;
  /** Bit q set: the passage matched query term q. */
  masks: Uint32Array;
  /** Equal to `generation` for passages this search has touched: nothing is ever cleared. */
  stamp: Uint32Array;
  /** Passages this search touched, in the first `count` slots. */
  touched: Uint32Array;
  generation: number;
  count: number;
}

export function createAccumulator(size: number): Accumulator {
  return {
    scores: new Float64Array(size),
    masks: new Uint32Array(size),
    stamp: new Uint32Array(size),
    touched: new Uint32Array(size),
    generation: 0,
    count: 0,
  };
}

/** Starts a new search: the stamps of the last one stop counting. */
export function resetAccumulator(acc: Accumulator): void {
  acc.generation = (acc.generation + 1) >>> 0;
  if (acc.generation === 0) {
    acc.stamp.fill(0);
    acc.generation = 1;
  }
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
  const { scores, masks, stamp, touched, generation } = acc;
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
    if (stamp[doc] !== generation) {
      stamp[doc] = generation;
      scores[doc] = add;
      masks[doc] = bit;
      touched[count++] = doc;
    } else {
      scores[doc] = (scores[doc] as number) + add;
      masks[doc] = (masks[doc] as number) | bit;
    }
  }
  acc.count = count;
}

/**
 * The best `limit` touched passages that pass `filter`, best first (ties: lower passage
 * id first). With `coordination`, a score is first multiplied by its number of matched
 * terms. A bounded min-heap keeps the worst of the best at its root, so most passages are
 * turned away after one comparison.
 */
export function selectTop(
  acc: Accumulator,
  limit: number,
  docOf: Uint32Array,
  coordination: boolean,
  filter: ((id: number) => boolean) | undefined,
): number[] {
  const { scores, masks, touched, count } = acc;
  const k = Math.min(limit, count);
  if (k <= 0) return [];
  const heap = new Int32Array(k);
  let size = 0;
  for (let i = 0; i < count; i++) {
    const doc = touched[i] as number;
    if (filter !== undefined && !filter(docOf[doc] as number)) continue;
    let score = scores[doc] as number;
    if (coordination) {
      score *= popcount(masks[doc] as number);
      scores[doc] = score;
    }
    if (size < k) {
      heap[size] = doc;
      siftUp(heap, size++, scores, docOf);
      continue;
    }
    const root = heap[0] as number;
    const rootScore = scores[root] as number;
    if (
      score > rootScore ||
      (score === rootScore && (docOf[doc] as number) < (docOf[root] as number))
    ) {
      heap[0] = doc;
      siftDown(heap, size, scores, docOf);
    }
  }
  return Array.from(heap.subarray(0, size)).sort(
    (a, b) =>
      (scores[b] as number) - (scores[a] as number) || (docOf[a] as number) - (docOf[b] as number),
  );
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether document a ranks below b: a lower score, or the same score and a later id. */
function ranksBelow(a: number, b: number, scores: Float64Array, docOf: Uint32Array): boolean {
  const sa = scores[a] as number;
  const sb = scores[b] as number;
  return sa < sb || (sa === sb && (docOf[a] as number) > (docOf[b] as number));
}

function siftUp(heap: Int32Array, at: number, scores: Float64Array, docOf: Uint32Array): void {
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const child = heap[i] as number;
    const up = heap[parent] as number;
    if (!ranksBelow(child, up, scores, docOf)) break;
    heap[i] = up;
    heap[parent] = child;
    i = parent;
  }
}

function siftDown(heap: Int32Array, size: number, scores: Float64Array, docOf: Uint32Array): void {
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let lowest = i;
    if (left < size && ranksBelow(heap[left] as number, heap[lowest] as number, scores, docOf)) {
      lowest = left;
    }
    if (right < size && ranksBelow(heap[right] as number, heap[lowest] as number, scores, docOf)) {
      lowest = right;
    }
    if (lowest === i) return;
    const swap = heap[i] as number;
    heap[i] = heap[lowest] as number;
    heap[lowest] = swap;
    i = lowest;
  }
}
