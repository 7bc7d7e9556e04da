import type { Article } from "../corpus/article.ts";
import { normalizeUrl, slugify, textHash, uniqueId } from "../ingest/article-identity.ts";
import type { CorpusSource, StoreChange, StoredArticle } from "../store/corpus-store.ts";
import { type ChangeSummary, emptySummary } from "./change-summary.ts";
import type { Candidate } from "./read-source.ts";

export type OfferOutcome =
  /** A new article. */
  | { kind: "added"; id: string }
  /** A changed page: same article, new text or metadata, paragraphs renumbered. */
  | { kind: "updated"; id: string }
  /** The same article as before, unchanged. */
  | { kind: "same"; id: string }
  /** Another article's text, or a shipped article: not added twice. */
  | { kind: "duplicate"; id: string };

/**
 * One add, remove or refresh being worked out, in memory: what the store and the engine
 * will hold if it completes. Nothing is written until the caller stores `toStoreChange()`
 * in one step, so an operation that fails or is killed half-way changes nothing.
 */
export class CorpusChange {
  readonly summary: ChangeSummary = emptySummary();
  readonly #shipped: readonly Article[];
  readonly #stored = new Map<string, StoredArticle>();
  readonly #sources = new Map<string, CorpusSource>();
  readonly #putArticles = new Map<string, StoredArticle>();
  readonly #deleteArticles = new Set<string>();
  readonly #putSources = new Map<string, CorpusSource>();
  readonly #deleteSources = new Set<string>();
  readonly #now: string;

  constructor(
    shipped: readonly Article[],
    stored: readonly StoredArticle[],
    sources: readonly CorpusSource[],
    now: Date,
  ) {
    this.#shipped = shipped;
    for (const s of stored) this.#stored.set(s.article.id, s);
    for (const s of sources) this.#sources.set(s.id, s);
    this.#now = now.toISOString();
  }

  get changed(): boolean {
    const s = this.summary;
    return s.added.length + s.updated.length + s.removed.length > 0;
  }

  source(id: string): CorpusSource | undefined {
    return this.#sources.get(id);
  }

  sources(): CorpusSource[] {
    return [...this.#sources.values()];
  }

  stored(): StoredArticle[] {
    return [...this.#stored.values()];
  }

  putSource(source: CorpusSource): void {
    this.#sources.set(source.id, source);
    this.#putSources.set(source.id, source);
    this.#deleteSources.delete(source.id);
  }

  deleteSource(id: string): void {
    this.#sources.delete(id);
    this.#putSources.delete(id);
    this.#deleteSources.add(id);
  }

  /** Places a candidate in the corpus: new, an update of the same URL, or a duplicate. */
  offer(candidate: Candidate, sourceId: string): OfferOutcome {
    const sameUrl = this.stored().find((s) => s.canonicalUrl === candidate.canonicalUrl);
    if (sameUrl) {
      if (sameContent(sameUrl, candidate)) return this.#note("same", sameUrl.article.id);
      const id = sameUrl.article.id;
      this.#put({
        ...sameUrl,
        article: { ...candidate.article, id },
        origin: candidate.origin,
        textHash: candidate.textHash,
        byline: candidate.byline,
        updatedAt: this.#now,
      });
      // An article added earlier in this same operation stays "new".
      if (!this.summary.added.includes(id) && !this.summary.updated.includes(id)) {
        this.summary.updated.push(id);
      }
      return { kind: "updated", id };
    }
    const shipped = this.#shipped.find(
      (a) =>
        normalizeUrl(a.url) === candidate.canonicalUrl ||
        textHash(a.paragraphs) === candidate.textHash,
    );
    if (shipped) return this.#note("duplicate", shipped.id);
    const sameText = this.stored().find((s) => s.textHash === candidate.textHash);
    if (sameText) return this.#note("duplicate", sameText.article.id);

    const taken = new Set([...this.#shipped.map((a) => a.id), ...this.#stored.keys()]);
    const base =
      candidate.preferredId ?? slugify(candidate.article.title, hostOf(candidate.article.url));
    const id = uniqueId(base, taken);
    this.#put({
      article: { ...candidate.article, id },
      sourceId,
      origin: candidate.origin,
      canonicalUrl: candidate.canonicalUrl,
      textHash: candidate.textHash,
      byline: candidate.byline,
      addedAt: this.#now,
      updatedAt: this.#now,
    });
    this.summary.added.push(id);
    return { kind: "added", id };
  }

  removeArticle(id: string): void {
    if (!this.#stored.delete(id)) return;
    this.#putArticles.delete(id);
    this.#deleteArticles.add(id);
    this.summary.added = this.summary.added.filter((a) => a !== id);
    this.summary.updated = this.summary.updated.filter((a) => a !== id);
    this.summary.removed.push(id);
  }

  fail(target: string, reason: string): void {
    this.summary.failed.push({ target, reason });
  }

  /** The article list the engine should answer from once this change is stored. */
  articles(): Article[] {
    return [...this.#shipped, ...this.stored().map((s) => s.article)];
  }

  toStoreChange(audit: StoreChange["audit"]): StoreChange {
    return {
      putArticles: [...this.#putArticles.values()],
      deleteArticles: [...this.#deleteArticles],
      putSources: [...this.#putSources.values()],
      deleteSources: [...this.#deleteSources],
      audit,
    };
  }

  #put(stored: StoredArticle): void {
    this.#stored.set(stored.article.id, stored);
    this.#putArticles.set(stored.article.id, stored);
    this.#deleteArticles.delete(stored.article.id);
  }

  #note(kind: "same" | "duplicate", id: string): OfferOutcome {
    if (!this.summary.unchanged.includes(id)) this.summary.unchanged.push(id);
    return { kind, id };
  }
}

function sameContent(stored: StoredArticle, candidate: Candidate): boolean {
  const a = stored.article;
  const b = candidate.article;
  return (
    stored.textHash === candidate.textHash &&
    a.title === b.title &&
    a.publisher === b.publisher &&
    a.url === b.url &&
    a.published === b.published &&
    a.language === b.language
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "article";
  }
}
