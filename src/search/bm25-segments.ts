import { checkOptions, DEFAULT_LIMIT, postingsOf, splitTerms } from "./bm25-index.ts";
import { lengthNorms } from "./bm25-length-norms.ts";
import { addMatches, docsOfIds, textHas } from "./bm25-lookup.ts";
import { type Bm25Postings, buildPostings } from "./bm25-postings.ts";
import {
  accumulateTerm,
  beginTerm,
  createAccumulator,
  hitsOf,
  mostOneTermAdds,
  resetAccumulator,
  selectTop,
} from "./bm25-search.ts";
import type {
  IndexedPassage,
  LexicalHit,
  LexicalIndex,
  LexicalSearchOptions,
  PassageMatches,
} from "./lexical-index.ts";

const MAX_QUERY_TERMS = 32;

/**
 * An index made of an immutable base (a bm25 index as `bm25IndexFromPostings` made it), a
 * small segment of passages added since, and the base passages deleted since: what a
 * search engine does so one added or removed article costs that article, not the corpus.
 *
 * BM25's statistics are those of the live passages only (the base's less the deleted, plus
 * the segment's): their number, each field's average length and each term's document
 * frequency per field. So a passage's score is the one a single index built over the live
 * passages gives it, given the same terms; ties go to the lower passage id, as there.
 *
 * `added` passages take the ids after the base's (base.size, base.size + 1, ...); `deleted`
 * holds base passage ids. Null when `base` is not an index with postings (minisearch).
 * The base's arrays are shared, never written: the base keeps answering unchanged.
 */
export function bm25IndexWithSegment(
  base: LexicalIndex,
  added: readonly IndexedPassage[],
  deleted: Iterable<number>,
): LexicalIndex | null {
  const made = postingsOf(base);
  if (!made) return null;
  const { postings: b, options } = made;
  checkOptions(options);
  const k1 = options.k1 ?? 1.2;
  const bParam = options.b ?? 0.7;
  const delta = options.delta ?? 0.5;
  const textBoost = options.textBoost ?? 2;
  const contextBoost = options.contextBoost ?? 1;
  const coordination = options.coordination ?? true;
  const nb = b.size;
  const ns = added.length;
  const segment = buildPostings(
    added.map((p, i) => {
      if (p.id !== nb + i) throw new RangeError("added passages must follow the base's ids");
      return { ...p, id: i };
    }),
    splitTerms,
    (options.fieldLength ?? "distinct") === "distinct",
  );
  // One document space: the base's documents, then the segment's.
  const segmentDocs = Uint32Array.from(segment.docs, (d) => d + nb);
  const docOf = new Uint32Array(nb + ns);
  docOf.set(b.docOf);
  for (let i = 0; i < ns; i++) docOf[nb + i] = nb + i;
  const deletedIds = new Uint8Array(nb + ns);
  let deletions = 0;
  for (const id of deleted) {
    if (!Number.isInteger(id) || id < 0 || id >= nb) throw new RangeError(`no base passage ${id}`);
    if (!deletedIds[id]) deletions++;
    deletedIds[id] = 1;
  }
  const deletedDocs = new Uint8Array(nb);
  for (let doc = 0; doc < nb; doc++) deletedDocs[doc] = deletedIds[b.docOf[doc] as number]!;
  const n = nb - deletions + ns;
  const norms = lengthNorms(
    [b.lengthText, segment.lengthText],
    [b.lengthContext, segment.lengthContext],
    {
      text: liveAverage(b.lengthText, segment.lengthText, deletedDocs),
      context: liveAverage(b.lengthContext, segment.lengthContext, deletedDocs),
    },
    k1,
    bParam,
  );
  const acc = createAccumulator(nb + ns);
  const idf = (df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

  // Deleted postings per term, counted when a search first asks for the term.
  const deletedCounts = new Map<string, { text: number; context: number; any: number }>();
  const deletedOf = (term: string) => {
    let counts = deletedCounts.get(term);
    if (counts === undefined) {
      counts = { text: 0, context: 0, any: 0 };
      const id = b.termIds.get(term);
      if (deletions > 0 && id !== undefined) {
        for (let i = b.offsets[id] as number; i < (b.offsets[id + 1] as number); i++) {
          if (!deletedDocs[b.docs[i] as number]) continue;
          counts.any++;
          if (b.tfText[i]) counts.text++;
          if (b.tfContext[i]) counts.context++;
        }
      }
      deletedCounts.set(term, counts);
    }
    return counts;
  };
  const span = (p: Bm25Postings, id: number | undefined) =>
    id === undefined ? 0 : (p.offsets[id + 1] as number) - (p.offsets[id] as number);
  const documentFrequency = (term: string): number =>
    span(b, b.termIds.get(term)) - deletedOf(term).any + span(segment, segment.termIds.get(term));
  const liveFilter = (filter: ((id: number) => boolean) | undefined) =>
    deletions === 0
      ? filter
      : filter === undefined
        ? (id: number) => deletedIds[id] === 0
        : (id: number) => deletedIds[id] === 0 && filter(id);

  let baseDocOfId: Int32Array | undefined;
  let segmentDocOfId: Int32Array | undefined;

  return {
    size: n,
    documentFrequency,
    matchesOf(terms, ids) {
      baseDocOfId ??= docsOfIds(b.docOf);
      segmentDocOfId ??= docsOfIds(segment.docOf);
      const inBase = baseDocOfId;
      const inSegment = segmentDocOfId;
      const unique = [...new Set(terms)];
      const out = ids.map((): PassageMatches => ({ matched: [], matchedInText: [] }));
      const live = (id: number) => id >= 0 && id < nb + ns && deletedIds[id] === 0;
      addMatches(
        b,
        unique,
        Int32Array.from(ids, (id) => (live(id) && id < nb ? (inBase[id] as number) : -1)),
        out,
      );
      addMatches(
        segment,
        unique,
        Int32Array.from(ids, (id) => (live(id) && id >= nb ? (inSegment[id - nb] as number) : -1)),
        out,
      );
      return out;
    },
    search(queryTerms: readonly string[], searchOptions: LexicalSearchOptions = {}): LexicalHit[] {
      const counts = new Map<string, number>();
      for (const t of queryTerms)
        if (counts.has(t) || documentFrequency(t) > 0) counts.set(t, (counts.get(t) ?? 0) + 1);
      const unique = [...counts.keys()].slice(0, MAX_QUERY_TERMS);
      if (unique.length === 0 || n === 0) return [];
      resetAccumulator(acc);
      const alone = new Float64Array(unique.length);
      unique.forEach((term, q) => {
        const times = counts.get(term) as number;
        const baseId = b.termIds.get(term);
        const segmentId = segment.termIds.get(term);
        const gone = deletedOf(term);
        const dfText =
          (baseId === undefined ? 0 : (b.dfText[baseId] as number)) -
          gone.text +
          (segmentId === undefined ? 0 : (segment.dfText[segmentId] as number));
        const dfContext =
          (baseId === undefined ? 0 : (b.dfContext[baseId] as number)) -
          gone.context +
          (segmentId === undefined ? 0 : (segment.dfContext[segmentId] as number));
        const weightText = times * textBoost * idf(dfText);
        const weightContext = times * contextBoost * idf(dfContext);
        alone[q] = mostOneTermAdds(weightText, weightContext, delta, k1 + 1);
        const bit = beginTerm(acc);
        for (const [p, id, docs] of [
          [b, baseId, b.docs],
          [segment, segmentId, segmentDocs],
        ] as const) {
          if (id === undefined) continue;
          accumulateTerm(
            acc,
            p.offsets[id] as number,
            p.offsets[id + 1] as number,
            docs,
            p.tfText,
            p.tfContext,
            norms,
            weightText,
            weightContext,
            delta,
            k1 + 1,
            bit,
          );
        }
      });
      const limit = searchOptions.limit ?? DEFAULT_LIMIT;
      const best = selectTop(
        acc,
        limit,
        docOf,
        coordination,
        liveFilter(searchOptions.filter),
        alone,
      );
      const baseIds = unique.map((term) => b.termIds.get(term));
      const segmentIds = unique.map((term) => segment.termIds.get(term));
      return hitsOf(acc, best, docOf, unique, (q, doc) =>
        doc < nb ? textHas(b, baseIds[q], doc) : textHas(segment, segmentIds[q], doc - nb),
      );
    },
  };
}

/**
 * A field's average length over the live passages (as a fresh build over them would count
 * it; lengths are whole numbers, so the sum is exact in any order).
 */
function liveAverage(base: Float32Array, segment: Float32Array, deletedDocs: Uint8Array): number {
  let total = 0;
  let live = 0;
  for (let doc = 0; doc < base.length; doc++) {
    if (deletedDocs[doc]) continue;
    total += base[doc] as number;
    live++;
  }
  for (const length of segment) total += length;
  live += segment.length;
  return live > 0 && total > 0 ? total / live : 1;
}
