import type { IndexedPassage } from "./lexical-index.ts";

/**
 * Inverted lists in CSR layout: the postings of term t are positions offsets[t] ..
 * offsets[t + 1] of `docs` (sorted) and of the two term-frequency columns. One contiguous
 * typed array per column: compact, and a search reads it front to back.
 */
export interface Bm25Postings {
  /** Number of passages. */
  size: number;
  termIds: Map<string, number>;
  offsets: Uint32Array;
  docs: Uint32Array;
  tfText: Uint8Array;
  tfContext: Uint8Array;
  /** Passages whose text (context) has the term: each field's own idf. */
  dfText: Uint32Array;
  dfContext: Uint32Array;
  /** Field lengths per passage, as BM25 normalises them. */
  lengthText: Float32Array;
  lengthContext: Float32Array;
  /** The passage id of each internal document number. */
  docOf: Uint32Array;
}

/** A term's frequency in one field is capped here; past it BM25 saturates anyway. */
const MAX_TF = 255;

/** A field's tokens as term ids (empty tokens left out), and how many tokens it had. */
interface FieldTerms {
  ids: number[];
  tokens: number;
  hasEmpty: boolean;
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

class GrowableFloat32 {
  data = new Float32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/** Every passage read once, as buildPostings reads them (see postingsBuilder). */
export function buildPostings(
  passages: readonly IndexedPassage[],
  analyze: (text: string) => string[],
  countDistinct: boolean,
): Bm25Postings {
  const builder = postingsBuilder(analyze, countDistinct);
  for (const passage of passages) builder.add(passage);
  return builder.finish();
}

/** Postings made passage by passage: what is added is read then, never held. */
export interface PostingsBuilder {
  add(passage: IndexedPassage): void;
  /** The postings of everything added; ids must be dense: 0 .. count - 1, each once. */
  finish(): Bm25Postings;
}

/**
 * Postings built as passages arrive, so a corpus build can hand each article's passages
 * over as it makes them instead of holding every passage's terms until the end (at 10,000
 * articles that held 60 MB more at the build's peak). `countDistinct`: a field's length is
 * its number of distinct terms (as minisearch counts it) rather than of tokens.
 */
export function postingsBuilder(
  analyze: (text: string) => string[],
  countDistinct: boolean,
): PostingsBuilder {
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
  const fieldTerms = (tokens: readonly string[]): FieldTerms => {
    const ids: number[] = [];
    let hasEmpty = false;
    for (const token of tokens) {
      if (token.length === 0) hasEmpty = true;
      else ids.push(idOf(token));
    }
    return { ids, tokens: tokens.length, hasEmpty };
  };
  // Sentences of one paragraph share most of their context: analyse each distinct
  // context once (the last few are enough, as passages come in corpus order).
  const recentContexts: { text: string; terms: FieldTerms }[] = [];
  const contextTerms = (text: string): FieldTerms => {
    for (const recent of recentContexts) if (recent.text === text) return recent.terms;
    const terms = fieldTerms(analyze(text));
    recentContexts.unshift({ text, terms });
    if (recentContexts.length > 4) recentContexts.pop();
    return terms;
  };

  const rawTerm = new GrowableUint32();
  const rawDoc = new GrowableUint32();
  const rawTf = new GrowableUint32();
  const ids = new GrowableUint32();
  const lengths = [new GrowableFloat32(), new GrowableFloat32()] as const;
  const touchedTerms: number[] = [];
  let n = 0;

  return {
    add(passage) {
      if (!Number.isInteger(passage.id) || passage.id < 0)
        throw new RangeError("passage ids must be dense and unique: 0 .. passages.length - 1");
      const doc = n++;
      ids.push(passage.id);
      const fields = [fieldTerms(analyze(passage.text)), contextTerms(passage.context)];
      for (let field = 0; field < 2; field++) {
        const { ids: termsOfField, tokens, hasEmpty } = fields[field] as FieldTerms;
        const shift = field * 8;
        // An empty token (from doubled spaces) counts towards length, as in minisearch,
        // but is never indexed: no query can ask for it.
        let distinct = hasEmpty ? 1 : 0;
        for (const id of termsOfField) {
          const packed = scratch[id] as number;
          const tf = (packed >>> shift) & 0xff;
          if (tf === 0) {
            distinct++;
            if (packed === 0) touchedTerms.push(id);
          }
          if (tf < MAX_TF) scratch[id] = packed + (1 << shift);
        }
        (lengths[field] as GrowableFloat32).push(countDistinct ? distinct : tokens);
      }
      for (const id of touchedTerms) {
        rawTerm.push(id);
        rawDoc.push(doc);
        rawTf.push(scratch[id] as number);
        scratch[id] = 0;
      }
      touchedTerms.length = 0;
    },
    finish() {
      // Dense ids are the contract; a gap or a repeat would silently misattribute scores.
      const docOf = ids.data.slice(0, n);
      const seenIds = new Uint8Array(n);
      for (const id of docOf) {
        if (id >= n || seenIds[id]) {
          throw new RangeError("passage ids must be dense and unique: 0 .. passages.length - 1");
        }
        seenIds[id] = 1;
      }
      return sortPostings(termIds, rawTerm, rawDoc, rawTf, n, docOf, [
        lengths[0].data.slice(0, n),
        lengths[1].data.slice(0, n),
      ]);
    },
  };
}

/** Pass 2: the triples sorted by term into one contiguous block per column. */
function sortPostings(
  termIds: Map<string, number>,
  rawTerm: GrowableUint32,
  rawDoc: GrowableUint32,
  rawTf: GrowableUint32,
  n: number,
  docOf: Uint32Array,
  lengths: readonly [Float32Array, Float32Array],
): Bm25Postings {
  const termCount = termIds.size;
  const offsets = new Uint32Array(termCount + 1);
  const dfText = new Uint32Array(termCount);
  const dfContext = new Uint32Array(termCount);
  for (let i = 0; i < rawTerm.length; i++) {
    const term = rawTerm.data[i] as number;
    const packed = rawTf.data[i] as number;
    (offsets[term + 1] as number)++;
    if (packed & 0xff) (dfText[term] as number)++;
    if (packed >>> 8) (dfContext[term] as number)++;
  }
  for (let t = 0; t < termCount; t++) {
    offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  }
  const docs = new Uint32Array(rawTerm.length);
  const tfText = new Uint8Array(rawTerm.length);
  const tfContext = new Uint8Array(rawTerm.length);
  const cursor = offsets.slice(0, termCount);
  for (let i = 0; i < rawTerm.length; i++) {
    const term = rawTerm.data[i] as number;
    const at = (cursor[term] as number)++;
    const packed = rawTf.data[i] as number;
    docs[at] = rawDoc.data[i] as number;
    tfText[at] = packed & 0xff;
    tfContext[at] = packed >>> 8;
  }
  return {
    size: n,
    termIds,
    offsets,
    docs,
    tfText,
    tfContext,
    dfText,
    dfContext,
    lengthText: lengths[0],
    lengthContext: lengths[1],
    docOf,
  };
}
