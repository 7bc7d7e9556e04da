/**
 * BM25's length norm k1 (1 - b + b len / average) per field, as small tables over the
 * distinct lengths a field has, and per document one code: the text length's place in
 * its table in the low 16 bits, the context's in the high. A search reads 4 bytes per
 * posting for both norms instead of two 8-byte norms, and the tables stay in the CPU's
 * nearest cache: at 10,000 articles a common word's postings touch most of the
 * documents, and reading them was most of a search's time on a first-time question.
 */
export interface LengthNorms {
  codes: Uint32Array;
  text: Float64Array;
  context: Float64Array;
}

/** Distinct lengths a field may have: each needs its place in 16 bits. */
const MOST_LENGTHS = 1 << 16;
/** Lengths below this find their norm's place by index. */
const SMALL_LENGTHS = 4096;

/**
 * The norms of documents whose field lengths are `text` and `context`, each given as
 * arrays read one after another (a base's documents, then a segment's), over `average`
 * field lengths. Computed as one norm per document was, in double precision, so scores
 * match minisearch's to the last bits and ties stay ties.
 */
export function lengthNorms(
  text: readonly Float32Array[],
  context: readonly Float32Array[],
  average: { text: number; context: number },
  k1: number,
  b: number,
): LengthNorms {
  const size = text.reduce((sum, lengths) => sum + lengths.length, 0);
  const codes = new Uint32Array(size);
  const table = (field: readonly Float32Array[], avg: number, shift: number): Float64Array => {
    const place = new Map<number, number>();
    // Most lengths are small whole numbers: their places in an array, the rest in the map
    // (a map look-up per document was 20 ms of a 10,000-article restart).
    const small = new Int32Array(SMALL_LENGTHS).fill(-1);
    const norms: number[] = [];
    let doc = 0;
    for (const lengths of field) {
      for (let i = 0; i < lengths.length; i++) {
        const length = lengths[i] as number;
        const isSmall = length < SMALL_LENGTHS && Number.isInteger(length) && length >= 0;
        let at = isSmall ? (small[length] as number) : (place.get(length) ?? -1);
        if (at < 0) {
          at = norms.length;
          // 65,536 different lengths take passages of 0 .. 65,535 terms: some 2 billion
          // terms, far past what one process can index.
          if (at >= MOST_LENGTHS) throw new RangeError("too many distinct passage lengths");
          if (isSmall) small[length] = at;
          else place.set(length, at);
          norms.push(k1 * (1 - b + (b * length) / avg));
        }
        codes[doc] = (codes[doc] as number) | (at << shift);
        doc++;
      }
    }
    return Float64Array.from(norms);
  };
  return {
    text: table(text, average.text, 0),
    context: table(context, average.context, 16),
    codes,
  };
}
