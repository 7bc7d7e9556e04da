/**
 * The lexical index behind retrieval. Small on purpose: minisearch is the default, and a
 * faster implementation can replace it after benchmarks without touching the engine.
 */

/** One searchable unit: a sentence (or a quote-balanced run of sentences) with context. */
export interface IndexedPassage {
  /** Dense 0-based number, the passage's position in the corpus snapshot. */
  id: number;
  /** The passage's own text: weighted most. */
  text: string;
  /** Words around it that help it match (speaker names and roles, the paragraph). */
  context: string;
}

export interface LexicalHit {
  id: number;
  score: number;
  /** Query terms (after analysis) that this passage contains. */
  matched: string[];
  /** Of those, the ones in the passage's own text rather than its context, when known. */
  matchedInText?: string[];
}

/** The query terms one passage has (see LexicalIndex.matchesOf). */
export type PassageMatches = Pick<Required<LexicalHit>, "matched" | "matchedInText">;

export interface LexicalSearchOptions {
  /** Only passages whose id passes (e.g. statements of one speaker). */
  filter?: (id: number) => boolean;
  limit?: number;
}

export interface LexicalIndex {
  search(terms: readonly string[], options?: LexicalSearchOptions): LexicalHit[];
  /**
   * Which of `terms` each of `ids` has, read from the postings instead of re-analysing
   * the passages: `matched` in its text or context, `matchedInText` in its text. Optional:
   * an index that cannot tell leaves it out and the caller analyses the text itself.
   */
  matchesOf?(terms: readonly string[], ids: readonly number[]): PassageMatches[];
  /** Documents containing the analysed term: 0 for a term the corpus never uses. */
  documentFrequency(term: string): number;
  readonly size: number;
}

export type LexicalIndexFactory = (passages: readonly IndexedPassage[]) => LexicalIndex;
