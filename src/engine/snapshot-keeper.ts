import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { Article } from "../corpus/article.ts";
import type { Logger } from "../log/logger.ts";
import { postingsOf } from "../search/bm25-index.ts";
import type { ArticleAnalysis } from "./article-analysis.ts";
import { corpusChange } from "./corpus-change.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import { extendSnapshot } from "./extend-snapshot.ts";

/**
 * Past this many articles changed, a change waits for the full build: the segment is
 * searched beside the base on every question, and its directory merge is approximate.
 */
export const MAX_ARTICLES_CHANGED_IN_PLACE = 50;

export interface SnapshotKeeperOptions {
  /** The snapshot questions are answered from until a corpus change. */
  first: CorpusSnapshot;
  /** Makes the full build of a corpus (in a worker thread, with loadEngine). */
  build: (articles: readonly Article[]) => Promise<CorpusSnapshot>;
  /** Changes of at most this many articles are applied in place; 0 turns it off. */
  maxInPlace: number;
  /** An added article's analysis, for a change applied in place. */
  analyze: (article: Article) => ArticleAnalysis;
  logger: Logger;
  /** Dates each snapshot swapped in. */
  now: () => Date;
}

/** The snapshot questions are answered from, and how a new corpus takes its place. */
export interface SnapshotKeeper {
  current(): CorpusSnapshot;
  /** When the current snapshot was swapped in (ISO 8601). */
  builtAt(): string;
  /** See Engine.replaceArticles. */
  replaceArticles(articles: readonly Article[]): Promise<void>;
  /** See Engine.merged. */
  merged(): Promise<boolean>;
}

/**
 * Keeps the engine's snapshot current. A change of a few articles is applied to the last
 * full build in place (extend-snapshot.ts: an index segment and a deletion mask) and
 * answerable at once, while the full build is made in the background and swapped in when
 * done; a larger change waits for its full build. A build that finishes after a later one
 * started is never swapped in.
 */
export function keepSnapshot(options: SnapshotKeeperOptions): SnapshotKeeper {
  const { build: buildNext, maxInPlace, analyze, logger, now } = options;
  let snapshot = options.first;
  let builtAt = now().toISOString();
  // The last full build: what a small change extends, and what the snapshot is once the
  // background build after such a change is swapped in.
  let base = snapshot;
  // Builds started; a build that finishes after a later one started is not swapped in.
  let builds = 0;
  // The full build running in the background after a change applied in place.
  let merging: Promise<boolean> = Promise.resolve(false);
  const swapIn = (next: CorpusSnapshot, full: boolean) => {
    snapshot = next;
    if (full) base = next;
    builtAt = now().toISOString();
  };

  /**
   * The current full build with a small change applied in place, null when the change
   * needs a full build (too large, reordered, nothing changed, or an index without
   * segments), or "superseded" when a later change came while this one was analysed.
   */
  const changedInPlace = async (
    articles: readonly Article[],
    build: number,
  ): Promise<CorpusSnapshot | null | "superseded"> => {
    if (maxInPlace <= 0 || !postingsOf(base.index)) return null;
    const startedFrom = base;
    const change = corpusChange(startedFrom.articles, articles);
    const size = change.added.length + change.removed.size;
    if (!change.inOrder || size > maxInPlace) return null;
    // Back to exactly the last full build (an added article removed again): that build is it.
    if (size === 0) return snapshot === base ? null : base;
    // An article's analysis (sentences, speakers) is the costly part, tens of ms when it is
    // new: one per turn of the event loop, so questions are answered in between.
    const analyses = new Map<Article, ArticleAnalysis>();
    for (const article of change.added) {
      analyses.set(article, analyze(article));
      await yieldToLoop();
    }
    if (build !== builds) return "superseded";
    // A background build may have been swapped in meanwhile: the change is from it now.
    const from = base;
    const now = from === startedFrom ? change : corpusChange(from.articles, articles);
    if (!now.inOrder || now.added.length + now.removed.size > maxInPlace) return null;
    if (now.added.length + now.removed.size === 0) return from;
    return extendSnapshot(from, now.added, now.removed, (a) => analyses.get(a) ?? analyze(a));
  };

  return {
    current: () => snapshot,
    builtAt: () => builtAt,
    merged: () => merging,

    async replaceArticles(articles) {
      const build = ++builds;
      // An article the change cannot take in place fails the full build too, and that
      // build's error is the one to report: this one goes to the log.
      const inPlace = await changedInPlace(articles, build).catch((error: unknown) => {
        logger.warn({ err: error }, "corpus change not applied in place; building in full");
        return null;
      });
      if (inPlace === "superseded") {
        logger.info({ articles: articles.length }, "corpus change superseded by a later one");
        return;
      }
      if (inPlace) {
        swapIn(inPlace, inPlace === base);
        logger.info(
          { articles: articles.length, passages: inPlace.passages.length },
          "corpus change applied in place",
        );
        if (inPlace === base) return;
        // The full build makes what the change in place approximates (see
        // extend-speaker-directory.ts); answers may differ until it is swapped in.
        merging = buildNext(articles).then(
          (next) => {
            if (build !== builds) return false;
            // The same corpus, built in full: it is as old as the change it replaces.
            snapshot = next;
            base = next;
            logger.info(
              { articles: articles.length, passages: next.passages.length },
              "corpus merged: full build swapped in",
            );
            return true;
          },
          (error: unknown) => {
            logger.error(
              { err: error },
              "background corpus build failed; the change stays in place",
            );
            return false;
          },
        );
        return;
      }
      const next = await buildNext(articles);
      if (build !== builds) {
        logger.info({ articles: articles.length }, "corpus build superseded by a later one");
        return;
      }
      swapIn(next, true);
      logger.info(
        { articles: articles.length, passages: next.passages.length },
        "corpus swapped in",
      );
    },
  };
}
