import type { Article } from "../corpus/article.ts";
import type { FileMeta } from "../corpus/article-from-text.ts";
import { loadCorpus } from "../corpus/load-corpus.ts";
import { logCorpusProblems } from "../corpus/log-corpus-problems.ts";
import type { Engine } from "../engine/engine.ts";
import { AppError } from "../errors.ts";
import { normalizeUrl, textHash } from "../ingest/article-identity.ts";
import type { FetchOptions } from "../ingest/fetch-page.ts";
import { type Logger, SILENT_LOGGER } from "../log/logger.ts";
import type {
  Actor,
  AuditAction,
  AuditEntry,
  CorpusSource,
  CorpusStore,
} from "../store/corpus-store.ts";
import { addFiles, addUrl } from "./add-sources.ts";
import { type ChangeSummary, formatSummary } from "./change-summary.ts";
import { CorpusChange } from "./corpus-change.ts";
import { loadAllArticles } from "./load-all-articles.ts";
import { parseSource, type SourceOrigin } from "./parse-source.ts";
import { type ProgressListener, readSources } from "./read-sources.ts";

export interface CorpusManagerOptions {
  store: CorpusStore;
  corpusDir: string;
  /** Receives each new article list; the CLI, which answers no questions, passes none. */
  engine?: Pick<Engine, "replaceArticles"> | null;
  fetch: FetchOptions;
  maxFeedItems?: number;
  /** Pages fetched at the same time during a refresh. */
  concurrency?: number;
  logger?: Logger;
  now?: () => Date;
  /**
   * The shipped articles the engine was built from (from `loadAllArticles`), so the first
   * refresh can report files added, edited or deleted in corpus/ since start-up.
   */
  shipped?: readonly Article[];
}

/** An article in the store, as chat faces list it for moderators. */
export interface AddedArticle {
  id: string;
  title: string;
  sourceId: string;
  /** The page URL or file path it was read from. */
  origin: string;
}

/** Moderators' operations on the corpus, the same from the CLI, Telegram and Discord. */
export interface CorpusManager {
  /**
   * Adds a web page, every item of a feed (kept as a source), or a local file. Files only
   * `from` the CLI; without `from`, an actor of the CLI is "cli" and anyone else "chat".
   * An argument that is neither is a failure in the summary, with the reason.
   */
  add(
    target: string,
    actor: Actor,
    onProgress?: ProgressListener,
    from?: SourceOrigin,
    /** A file's or folder's metadata (`corpus add story.txt --publisher …`): CLI only. */
    meta?: FileMeta,
  ): Promise<ChangeSummary>;
  /** Removes an added article, or a source with all its articles. */
  remove(id: string, actor: Actor): Promise<ChangeSummary>;
  /** Re-reads corpus/ and every source: new, changed and removed articles. */
  refresh(actor: Actor, onProgress?: ProgressListener): Promise<ChangeSummary>;
  /** Reloads corpus/ and the store without fetching (another process changed the store). */
  reload(): Promise<void>;
  /**
   * Reloads if the store changed since this manager last loaded or wrote it (the CLI added
   * something while the bot runs). Skipped while an operation runs. True if it reloaded.
   */
  reloadIfChanged(): Promise<boolean>;
  /** Read-only, and the same array until the store changes (see `listing` below). */
  sources(): Promise<readonly CorpusSource[]>;
  /**
   * The articles moderators added (not the shipped ones): what `remove` takes besides
   * source ids. Read-only, and the same array until the store changes.
   */
  added(): Promise<readonly AddedArticle[]>;
  log(limit?: number): Promise<AuditEntry[]>;
  /** What is running now ("refresh by telegram:42"), or null. */
  running(): string | null;
}

export function createCorpusManager(options: CorpusManagerOptions): CorpusManager {
  const logger = options.logger ?? SILENT_LOGGER;
  const now = options.now ?? (() => new Date());
  const context = (onProgress?: ProgressListener) => ({
    fetch: options.fetch,
    maxFeedItems: options.maxFeedItems ?? 30,
    concurrency: options.concurrency ?? 4,
    onProgress,
    now: now(),
  });
  let running: string | null = null;
  // What the engine was built from moments ago: the baseline for the first refresh's
  // report of corpus/ changes, and for noticing another process's writes.
  let lastShipped: readonly Article[] | null = options.shipped ?? null;
  const baseline = Promise.all([
    options.shipped
      ? null
      : loadCorpus(options.corpusDir).then(
          (r) => r.articles,
          () => null,
        ),
    options.store.revision(),
  ]).then(([shipped, revision]) => {
    lastShipped ??= shipped;
    lastRevision = revision;
  });
  let lastRevision: string | null = null;

  // What /sources and the /remove autocomplete list, read again only when the store file
  // changed (a stat per call): reading it per keystroke parsed every stored article's text.
  let listed: {
    revision: string;
    sources: readonly CorpusSource[];
    added: readonly AddedArticle[];
  } | null = null;
  const listing = async () => {
    const revision = await options.store.revision();
    if (listed !== null && revision !== null && listed.revision === revision) return listed;
    const { sources, articles } = await options.store.read();
    const fresh = {
      sources: Object.freeze([...sources]),
      added: Object.freeze(
        articles.map((stored) => ({
          id: stored.article.id,
          title: stored.article.title,
          sourceId: stored.sourceId,
          origin: stored.origin,
        })),
      ),
    };
    if (revision !== null) listed = { revision, ...fresh };
    return fresh;
  };

  /**
   * One operation at a time, in this process (told so) and across processes (the store
   * lock). The new state is stored in one step at the end, and the engine swapped
   * just before: if storing fails, the engine gets the old list back.
   */
  const operate = async (
    action: AuditAction,
    target: string,
    actor: Actor,
    work: (change: CorpusChange) => Promise<void>,
  ): Promise<ChangeSummary> => {
    const purpose = `${action === "refresh" ? "a refresh" : `${action} ${target}`} by ${actor.platform}:${actor.name ?? actor.id}`;
    if (running) {
      throw new AppError(
        "STORE_BUSY",
        `The corpus is busy: ${running} is running. Try again when it has finished.`,
      );
    }
    running = purpose;
    try {
      await baseline;
      const lock = await options.store.lock(purpose);
      try {
        const before = await loadAllArticles(options);
        logCorpusProblems(logger, before.problems, before.warnings);
        const { sources } = await options.store.read();
        const change = new CorpusChange(before.shipped, before.stored, sources, now());
        await work(change);
        const summary = change.summary;
        const audit: AuditEntry = {
          at: now().toISOString(),
          actor,
          action,
          target,
          summary: formatSummary(summary),
          added: summary.added,
          updated: summary.updated,
          removed: summary.removed,
          failed: summary.failed,
        };
        const next = change.articles();
        if (change.changed) await options.engine?.replaceArticles(next);
        try {
          await options.store.apply(lock, change.toStoreChange(audit));
        } catch (error) {
          if (change.changed) await options.engine?.replaceArticles(before.articles);
          throw error;
        }
        lastShipped = before.shipped;
        lastRevision = await options.store.revision();
        logger.info(
          { action, target, actor: actor.platform, summary: audit.summary },
          "corpus changed",
        );
        return summary;
      } finally {
        await lock.release();
      }
    } finally {
      running = null;
    }
  };

  return {
    add(rawTarget, actor, onProgress, from, meta = {}) {
      const target = rawTarget.trim();
      const source = parseSource(target, from ?? (actor.platform === "cli" ? "cli" : "chat"));
      return operate("add", target, actor, async (change) => {
        if (source.kind === "invalid") change.fail(target, source.reason);
        else if (source.kind === "file")
          await addFiles(change, source.path, target, meta, actor, now(), onProgress);
        else await addUrl(change, source.url, target, actor, () => context(onProgress));
      });
    },

    remove(rawId, actor) {
      const id = rawId.trim();
      return operate("remove", id, actor, async (change) => {
        const source = change.source(id);
        if (source) {
          for (const s of change.stored().filter((a) => a.sourceId === id)) {
            change.removeArticle(s.article.id);
          }
          change.deleteSource(id);
          return;
        }
        const stored = change.stored().find((s) => s.article.id === id);
        if (!stored) {
          const shipped = change.articles().some((a) => a.id === id);
          change.fail(
            id,
            shipped
              ? `shipped in ${options.corpusDir}: delete its file there, then refresh`
              : "no added article or source has this id (see `corpus list` and `corpus sources`)",
          );
          return;
        }
        change.removeArticle(id);
        const owner = change.source(stored.sourceId);
        if (owner?.kind === "feed") {
          // Keep the feed from bringing the article back at the next refresh.
          const excluded = [...new Set([...owner.excluded, normalizeUrl(stored.origin)])];
          change.putSource({ ...owner, excluded });
        } else if (owner && !change.stored().some((s) => s.sourceId === owner.id)) {
          change.deleteSource(owner.id);
        }
      });
    },

    refresh(actor, onProgress) {
      return operate("refresh", "all", actor, async (change) => {
        noteShippedChanges(change, lastShipped);
        await readSources(change, change.sources(), context(onProgress));
      });
    },

    async reload() {
      await baseline;
      const revision = await options.store.revision();
      const all = await loadAllArticles(options);
      lastShipped = all.shipped;
      lastRevision = revision;
      await options.engine?.replaceArticles(all.articles);
    },

    async reloadIfChanged() {
      await baseline;
      if (running) return false;
      if ((await options.store.revision()) === lastRevision || running) return false;
      // Marked as running so an add cannot swap its list in between and be undone by this.
      running = "a reload of the corpus";
      try {
        await this.reload();
      } finally {
        running = null;
      }
      logger.info("corpus reloaded: the store was changed by another process");
      return true;
    },

    sources: async () => (await listing()).sources,

    added: async () => (await listing()).added,

    log: (limit) => options.store.log(limit),

    running: () => running,
  };
}

/**
 * A refresh re-reads corpus/ too: files added, edited or deleted since the last load
 * count as new, updated or removed. Unknown before the first load (nothing to compare).
 */
function noteShippedChanges(change: CorpusChange, previous: readonly Article[] | null): void {
  if (!previous) return;
  const added = new Set(change.stored().map((s) => s.article.id));
  const current = change.articles().filter((a) => !added.has(a.id));
  const before = new Map(previous.map((a) => [a.id, textHash(a.paragraphs) + a.title + a.url]));
  const now = new Set(current.map((a) => a.id));
  for (const article of current) {
    const old = before.get(article.id);
    if (old === undefined) change.summary.added.push(article.id);
    else if (old !== textHash(article.paragraphs) + article.title + article.url) {
      change.summary.updated.push(article.id);
    }
  }
  for (const id of before.keys()) if (!now.has(id)) change.summary.removed.push(id);
}
