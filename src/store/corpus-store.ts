import type { Article } from "../corpus/article.ts";
import type { FileMeta } from "../corpus/article-from-text.ts";

/** Where a corpus change came from. */
export type Platform = "cli" | "telegram" | "discord" | "schedule";

/** Who changed the corpus: recorded in the audit log with every change. */
export interface Actor {
  platform: Platform;
  /** The platform's user id (Telegram user id, Discord user id), or the OS user for the CLI. */
  id: string;
  name?: string | null;
}

export type SourceKind = "page" | "feed" | "file";

/** Something a refresh reads again: one web page, one feed, or one local file. */
export interface CorpusSource {
  /** Stable per location, e.g. `feed-3fa2b1c0`. */
  id: string;
  kind: SourceKind;
  /** The URL as the moderator gave it, or the file's absolute path. */
  location: string;
  /** The feed's or page's title when last read, for `sources`. */
  title: string | null;
  addedAt: string;
  addedBy: Actor;
  /** When a refresh last read it, and what went wrong then (null: it worked). */
  checkedAt: string | null;
  lastError: string | null;
  /** Feed item links a moderator removed: a refresh does not bring them back. */
  excluded: string[];
  /** A file's metadata given when it was added (`--publisher` …), read again with it. */
  meta?: FileMeta;
}

/** An article the store added to the corpus, with what is needed to refresh it. */
export interface StoredArticle {
  article: Article;
  sourceId: string;
  /** The page URL or file path the text was read from. */
  origin: string;
  /** Normalised canonical URL: the same URL again is the same article. */
  canonicalUrl: string;
  /** Hash of the folded text: the same text again is the same article. */
  textHash: string;
  byline: string | null;
  addedAt: string;
  updatedAt: string;
}

export type AuditAction = "add" | "remove" | "refresh";

export interface AuditEntry {
  at: string;
  actor: Actor;
  action: AuditAction;
  /** What the moderator named: a URL, a file, an id, or `all` for a refresh. */
  target: string;
  /** The summary line shown to the moderator. */
  summary: string;
  added: string[];
  updated: string[];
  removed: string[];
  failed: Array<{ target: string; reason: string }>;
}

export interface StoreSnapshot {
  articles: StoredArticle[];
  sources: CorpusSource[];
}

/** One atomic change: all of it is stored, or (on a crash or error) none of it. */
export interface StoreChange {
  putArticles?: readonly StoredArticle[];
  deleteArticles?: readonly string[];
  putSources?: readonly CorpusSource[];
  deleteSources?: readonly string[];
  audit: AuditEntry;
}

/** Proof of being the one writer. Released when the operation ends, error or not. */
export interface StoreLock {
  readonly purpose: string;
  release(): Promise<void>;
}

/** A subscription to corpus changes; `close()` ends it. */
export interface StoreWatch {
  close(): Promise<void>;
}

/**
 * Where moderators' additions, the sources and the audit log live. Small on purpose:
 * the lowdb file is the single-instance implementation, PostgreSQL (an advisory lock,
 * `apply` as one transaction that NOTIFYs) the one for several instances. The shipped
 * `corpus/` folder is not in the store.
 */
export interface CorpusStore {
  /** Where the store lives, for messages ("the store in ./data/corpus-store.json"). */
  readonly location: string;
  /** The current state, read fresh (another process may have written since). */
  read(): Promise<StoreSnapshot>;
  /**
   * Changes whenever the stored state does (file time and size here; a counter in
   * PostgreSQL): lets a running bot notice what another process stored. Null: empty store.
   */
  revision(): Promise<string | null>;
  /** The audit log, newest first. */
  log(limit?: number): Promise<AuditEntry[]>;
  /**
   * Becomes the one writer for the length of an operation. Throws AppError STORE_BUSY,
   * naming who holds it and since when, if another operation or process does.
   */
  lock(purpose: string): Promise<StoreLock>;
  /** Applies `change` in one atomic step. Needs the lock this store handed out. */
  apply(lock: StoreLock, change: StoreChange): Promise<void>;
  /**
   * Calls `listener` after the stored corpus changed, whichever process or instance
   * changed it (and possibly once more than needed: compare `revision()` to be sure).
   */
  watch(listener: () => void): Promise<StoreWatch>;
}
