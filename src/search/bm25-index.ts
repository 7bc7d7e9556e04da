import type {
  IndexedPassage,
  LexicalHit,
  LexicalIndex,
  LexicalIndexFactory,
  LexicalSearchOptions,
} from "./lexical-index.ts";

/**
 * Exact BM25 over typed-array postings with a reusable score accumulator. Built for
 * speed at scale: postings are one contiguous array per column (CSR layout), so a search
 * is a few tight loops over numbers, with no per-hit objects until the final top-k.
 *
 * Scoring is per field (the passage's text and its context), summed with field boosts:
 * the same shape as minisearch's BM25+, so the two rank alike and can be swapped.
 */
export interface Bm25Options {
  /** Turns text into index terms; must be the analysis the queries went through. */
  analyze: (text: string) => string[];
  /** Weight of a match in the passage's own text (default 2). */
  textBoost?: number;
  /** Weight of a match in its context (default 1). */
  contextBoost?: number;
  /** Term-frequency saturation (default 1.2). */
  k1?: number;
  /** Length normalisation, 0..1 (default 0.7). */
  b?: number;
  /** BM25+ lower bound for any matching term (default 0.5; 0 gives classic BM25). */
  delta?: number;
  /**
   * Multiply a passage's score by how many distinct query terms it matched (default true,
   * as minisearch does): a passage with both "Lavrov" and "talks" beats one with either.
   */
  coordination?: boolean;
  /**
   * How a field's length is counted: "distinct" terms (minisearch's choice) or all
   * "tokens" (textbook BM25). Default "distinct".
   */
  fieldLength?: "distinct" | "tokens";
}

const TEXT = 0;
const CONTEXT = 1;
/** A term's frequency in one field is capped here; past it BM25 saturates anyway. */
const MAX_TF = 255;
/** Matched terms are tracked as bits of one 32-bit word; longer queries keep their first 32. */
const MAX_QUERY_TERMS = 32;
/** Hits returned when a search names no limit (as the minisearch index does). */
export const DEFAULT_LIMIT = 50;

/** A field's tokens as term ids (empty tokens left out), and how many tokens it had. */
interface FieldTerms {
  ids: number[];
  tokens: number;
  hasEmpty: boolean;
}

function fieldTerms(tokens: readonly string[], idOf: (token: string) => number): FieldTerms {
  const ids: number[] = [];
  let hasEmpty = false;
  for (const token of tokens) {
    if (token.length === 0) hasEmpty = true;
    else ids.push(idOf(token));
  }
  return { ids, tokens: tokens.length, hasEmpty };
}

class GrowableUint32 {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

export function bm25IndexFactory(options: Bm25Options): LexicalIndexFactory {
  return (passages) => createBm25Index(passages, options);
}

/**
 * The engine's passages arrive as analysed terms joined by spaces. Empty pieces are kept:
 * they count towards a field's length exactly as in minisearch, so both score alike.
 */
export function splitTerms(text: string): string[] {
  return text.split(" ");
}

/**
 * The engine's BM25 index: passages already analysed (terms joined by spaces), weighted
 * as the minisearch index weighs them (text 2, context 0.5), so either can serve.
 */
export const createBm25SearchIndex: LexicalIndexFactory = (passages) =>
  createBm25Index(passages, { analyze: splitTerms, textBoost: 2, contextBoost: 0.5 });

export function createBm25Index(
  passages: readonly IndexedPassage[],
  options: Bm25Options,
): LexicalIndex {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.7;
  const delta = options.delta ?? 0.5;
  const boosts = [options.textBoost ?? 2, options.contextBoost ?? 1] as const;
  const coordination = options.coordination ?? true;
  const countDistinct = (options.fieldLength ?? "distinct") === "distinct";
  const n = passages.length;

  // Dense ids are the contract; a gap or a repeat would silently misattribute scores.
  const docOf = new Uint32Array(n);
  const seenIds = new Uint8Array(n);
  for (const { id } of passages) {
    if (!Number.isInteger(id) || id < 0 || id >= n || seenIds[id]) {
      throw new RangeError("passage ids must be dense and unique: 0 .. passages.length - 1");
    }
    seenIds[id] = 1;
  }

  // Pass 1: (term, doc, tf per field) triples in document order, so every term's
  // postings come out sorted by document.
  const termIds = new Map<string, number>();
  let termCount = 0;
  // Per-term counters of the passage being read (text tf in the low byte, context tf in
  // the next), reset after each passage: typed arrays instead of a Map per passage.
  let scratch = new Uint16Array(4096);
  const idOf = (token: string): number => {
    let id = termIds.get(token);
    if (id === undefined) {
      id = termCount++;
      termIds.set(token, id);
      if (id >= scratch.length) {
        const bigger = new Uint16Array(scratch.length * 2);
        bigger.set(scratch);
        scratch = bigger;
      }
    }
    return id;
  };
  const rawTerm = new GrowableUint32();
  const rawDoc = new GrowableUint32();
  const rawTf = new GrowableUint32();
  const lengths = [new Float64Array(n), new Float64Array(n)] as const;
  const touchedTerms: number[] = [];
  // Sentences of one paragraph share most of their context: analyse each distinct
  // context once (the last few are enough, as passages come in corpus order).
  const recentContexts: { text: string; terms: FieldTerms }[] = [];
  const contextTerms = (text: string): FieldTerms => {
    for (const recent of recentContexts) if (recent.text === text) return recent.terms;
    const terms = fieldTerms(options.analyze(text), idOf);
    recentContexts.unshift({ text, terms });
    if (recentContexts.length > 4) recentContexts.pop();
    return terms;
  };
  for (let doc = 0; doc < n; doc++) {
    const passage = passages[doc] as IndexedPassage;
    docOf[doc] = passage.id;
    const fields = [fieldTerms(options.analyze(passage.text), idOf), contextTerms(passage.context)];
    for (let field = TEXT; field <= CONTEXT; field++) {
      const { ids, tokens, hasEmpty } = fields[field] as FieldTerms;
      const shift = field * 8;
      // An empty token (from doubled spaces) counts towards length, as in minisearch,
      // but is never indexed: no query can ask for it.
      let distinct = hasEmpty ? 1 : 0;
      for (const id of ids) {
        const packed = scratch[id] as number;
        const tf = (packed >>> shift) & 0xff;
        if (tf === 0) {
          distinct++;
          if (packed === 0) touchedTerms.push(id);
        }
        if (tf < MAX_TF) scratch[id] = packed + (1 << shift);
      }
      (lengths[field] as Float64Array)[doc] = countDistinct ? distinct : tokens;
    }
    for (const id of touchedTerms) {
      rawTerm.push(id);
      rawDoc.push(doc);
      rawTf.push(scratch[id] as number);
      scratch[id] = 0;
    }
    touchedTerms.length = 0;
  }

  // Pass 2: counting sort into one contiguous postings block per column.
  const offsets = new Uint32Array(termCount + 1);
  const fieldDf = [new Uint32Array(termCount), new Uint32Array(termCount)] as const;
  for (let i = 0; i < rawTerm.length; i++) {
    const term = rawTerm.data[i] as number;
    const packed = rawTf.data[i] as number;
    (offsets[term + 1] as number)++;
    if (packed & 0xff) (fieldDf[TEXT][term] as number)++;
    if (packed >>> 8) (fieldDf[CONTEXT][term] as number)++;
  }
  for (let t = 0; t < termCount; t++)
    offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const postingDoc = new Uint32Array(rawTerm.length);
  const postingTf = [new Uint8Array(rawTerm.length), new Uint8Array(rawTerm.length)] as const;
  const cursor = offsets.slice(0, termCount);
  for (let i = 0; i < rawTerm.length; i++) {
    const term = rawTerm.data[i] as number;
    const at = (cursor[term] as number)++;
    const packed = rawTf.data[i] as number;
    postingDoc[at] = rawDoc.data[i] as number;
    postingTf[TEXT][at] = packed & 0xff;
    postingTf[CONTEXT][at] = packed >>> 8;
  }

  // The length part of BM25's denominator depends only on the document: compute it once.
  const norms = [TEXT, CONTEXT].map((field) => {
    const len = lengths[field as 0 | 1];
    let total = 0;
    for (let d = 0; d < n; d++) total += len[d] as number;
    const average = n > 0 && total > 0 ? total / n : 1;
    const norm = new Float64Array(n);
    for (let d = 0; d < n; d++) norm[d] = k1 * (1 - b + (b * (len[d] as number)) / average);
    return norm;
  }) as [Float64Array, Float64Array];

  // The accumulator is reused by every search; `stamp` marks which slots this search
  // wrote, so nothing is cleared between searches.
  const scores = new Float64Array(n);
  const masks = new Uint32Array(n);
  const stamp = new Uint32Array(n);
  const touched = new Uint32Array(n);
  let generation = 0;

  const idf = (df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

  return {
    size: n,
    documentFrequency(term: string): number {
      const id = termIds.get(term);
      return id === undefined ? 0 : (offsets[id + 1] as number) - (offsets[id] as number);
    },
    search(queryTerms: readonly string[], searchOptions: LexicalSearchOptions = {}): LexicalHit[] {
      // A term asked twice weighs twice (as in minisearch); coordination counts it once.
      const counts = new Map<string, number>();
      for (const t of queryTerms) if (termIds.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
      const unique = [...counts.keys()].slice(0, MAX_QUERY_TERMS);
      if (unique.length === 0 || n === 0) return [];
      generation = (generation + 1) >>> 0;
      if (generation === 0) {
        stamp.fill(0);
        generation = 1;
      }
      let touchedCount = 0;
      for (let q = 0; q < unique.length; q++) {
        const term = termIds.get(unique[q] as string) as number;
        const bit = 1 << q;
        const times = counts.get(unique[q] as string) as number;
        const weightText = times * boosts[TEXT] * idf(fieldDf[TEXT][term] as number);
        const weightContext = times * boosts[CONTEXT] * idf(fieldDf[CONTEXT][term] as number);
        const end = offsets[term + 1] as number;
        for (let i = offsets[term] as number; i < end; i++) {
          const doc = postingDoc[i] as number;
          const tfText = postingTf[TEXT][i] as number;
          const tfContext = postingTf[CONTEXT][i] as number;
          let add = 0;
          if (tfText > 0) {
            add +=
              weightText * (delta + (tfText * (k1 + 1)) / (tfText + (norms[TEXT][doc] as number)));
          }
          if (tfContext > 0) {
            add +=
              weightContext *
              (delta + (tfContext * (k1 + 1)) / (tfContext + (norms[CONTEXT][doc] as number)));
          }
          if (stamp[doc] !== generation) {
            stamp[doc] = generation;
            scores[doc] = add;
            masks[doc] = bit;
            touched[touchedCount++] = doc;
          } else {
            scores[doc] = (scores[doc] as number) + add;
            masks[doc] = (masks[doc] as number) | bit;
          }
        }
      }
      return topHits(touchedCount, searchOptions, unique);
    },
  };

  function topHits(count: number, options: LexicalSearchOptions, unique: string[]): LexicalHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (limit <= 0) return [];
    const filter = options.filter;
    // A bounded min-heap of document numbers keeps the best `limit` without sorting all.
    const heap: number[] = [];
    const worse = (a: number, c: number): boolean => {
      const sa = scores[a] as number;
      const sc = scores[c] as number;
      return sa < sc || (sa === sc && (docOf[a] as number) > (docOf[c] as number));
    };
    for (let i = 0; i < count; i++) {
      const doc = touched[i] as number;
      if (filter && !filter(docOf[doc] as number)) continue;
      if (coordination) scores[doc] = (scores[doc] as number) * popcount(masks[doc] as number);
      if (heap.length < limit) {
        heap.push(doc);
        siftUp(heap, heap.length - 1, worse);
      } else if (worse(heap[0] as number, doc)) {
        heap[0] = doc;
        siftDown(heap, 0, worse);
      }
    }
    heap.sort((a, c) => (worse(a, c) ? 1 : worse(c, a) ? -1 : 0));
    return heap.map((doc) => {
      const mask = masks[doc] as number;
      const matched: string[] = [];
      for (let q = 0; q < unique.length; q++)
        if (mask & (1 << q)) matched.push(unique[q] as string);
      return { id: docOf[doc] as number, score: scores[doc] as number, matched };
    });
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function siftUp(heap: number[], at: number, worse: (a: number, b: number) => boolean): void {
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i] as number, heap[parent] as number)) break;
    [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
    i = parent;
  }
}

function siftDown(heap: number[], at: number, worse: (a: number, b: number) => boolean): void {
  let i = at;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && worse(heap[left] as number, heap[smallest] as number))
      smallest = left;
    if (right < heap.length && worse(heap[right] as number, heap[smallest] as number))
      smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest] as number, heap[i] as number];
    i = smallest;
  }
}
