import { join } from "node:path";
import { AppError } from "../errors.ts";
import type {
  AuditEntry,
  CorpusStore,
  StoreChange,
  StoreLock,
  StoreSnapshot,
  StoreWatch,
} from "./corpus-store.ts";
import { acquireLockFile, type HeldLock, type LockHolder } from "./lock-file.ts";
import { NODE_STORE_FILE_SYSTEM, type StoreFileSystem } from "./store-file-system.ts";
import { storeIoError } from "./store-io-error.ts";
import { emptyStoreData, type StoreData, StoreDataSchema } from "./store-schema.ts";
import { writeAtomically } from "./write-atomically.ts";

export const STORE_FILE = "corpus-store.json";
/** The audit log keeps this many entries; the oldest go first. */
export const MAX_LOG_ENTRIES = 10_000;

export interface LowdbCorpusStoreOptions {
  /** The file operations; tests pass failing ones (a read-only or full disk). */
  fs?: StoreFileSystem;
  /** How often `watch` looks at the file for another process's writes (default 15 s). */
  watchIntervalMs?: number;
}

export const WATCH_INTERVAL_MS = 15_000;

type Parsed = { ok: true; data: StoreData } | { ok: false; detail: string; cause?: unknown };

/**
 * The single-instance store: one JSON file in DATA_DIR, so that one change (a whole
 * refresh included) is one atomic write: a temporary file (`.corpus-store.json.tmp`,
 * removed again if the write fails) renamed over the old one. Beside it:
 * `corpus-store.json.bak`, the last good state, copied before each write, and
 * `corpus-store.lock`, held by the one writing process. A file operation that fails
 * (read-only or full disk, a folder where the file should be) is an AppError
 * STORE_UNREADABLE or STORE_UNWRITABLE naming the path and what to do.
 */
export class LowdbCorpusStore implements CorpusStore {
  readonly location: string;
  readonly #backup: string;
  readonly #lockPath: string;
  readonly #dataDir: string;
  readonly #fs: StoreFileSystem;
  readonly #watchIntervalMs: number;
  #held: { lock: StoreLock; file: HeldLock } | null = null;

  constructor(dataDir: string, options: LowdbCorpusStoreOptions = {}) {
    this.#dataDir = dataDir;
    this.#fs = options.fs ?? NODE_STORE_FILE_SYSTEM;
    this.#watchIntervalMs = options.watchIntervalMs ?? WATCH_INTERVAL_MS;
    this.location = join(dataDir, STORE_FILE);
    this.#backup = `${this.location}.bak`;
    this.#lockPath = join(dataDir, "corpus-store.lock");
  }

  async read(): Promise<StoreSnapshot> {
    const data = await this.#readData();
    return { articles: data.articles, sources: data.sources };
  }

  async log(limit = 50): Promise<AuditEntry[]> {
    const data = await this.#readData();
    return data.log.slice(-limit).reverse();
  }

  async revision(): Promise<string | null> {
    try {
      const info = await this.#fs.stat(this.location);
      return `${info.mtimeMs}:${info.size}:${info.ino}`;
    } catch {
      return null;
    }
  }

  async lock(purpose: string): Promise<StoreLock> {
    if (this.#held) {
      throw new AppError(
        "STORE_BUSY",
        `The corpus is busy: ${this.#held.lock.purpose} is running.`,
      );
    }
    try {
      await this.#fs.mkdir(this.#dataDir);
    } catch (error) {
      throw storeIoError(error, "create", this.#dataDir, this.#dataDir);
    }
    let file: HeldLock;
    try {
      file = await acquireLockFile(
        this.#lockPath,
        purpose,
        (holder) => this.#describeHolder(holder),
        this.#fs,
      );
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw storeIoError(error, "write", this.#lockPath, this.#dataDir);
    }
    const lock: StoreLock = {
      purpose,
      release: async () => {
        if (this.#held?.lock !== lock) return;
        this.#held = null;
        await file.release();
      },
    };
    this.#held = { lock, file };
    return lock;
  }

  async apply(lock: StoreLock, change: StoreChange): Promise<void> {
    if (this.#held?.lock !== lock) {
      throw new Error("apply() needs the lock from this store's lock(), still held");
    }
    const data = await this.#readData();
    const deleteArticles = new Set(change.deleteArticles ?? []);
    const articles = new Map(
      data.articles.filter((a) => !deleteArticles.has(a.article.id)).map((a) => [a.article.id, a]),
    );
    for (const stored of change.putArticles ?? []) articles.set(stored.article.id, stored);
    const deleteSources = new Set(change.deleteSources ?? []);
    const sources = new Map(
      data.sources.filter((s) => !deleteSources.has(s.id)).map((s) => [s.id, s]),
    );
    for (const source of change.putSources ?? []) sources.set(source.id, source);
    const next: StoreData = {
      ...data,
      articles: [...articles.values()],
      sources: [...sources.values()],
      log: [...data.log, change.audit].slice(-MAX_LOG_ENTRIES),
    };
    await this.#keepBackup();
    await writeAtomically(
      this.#fs,
      this.location,
      `${JSON.stringify(next, null, 2)}\n`,
      this.#dataDir,
    );
  }

  /** A file has no notifications worth trusting across platforms: its revision is polled. */
  async watch(listener: () => void): Promise<StoreWatch> {
    let last = await this.revision();
    let checking = false;
    const timer = setInterval(async () => {
      if (checking) return;
      checking = true;
      try {
        const now = await this.revision();
        if (now !== last) {
          last = now;
          listener();
        }
      } finally {
        checking = false;
      }
    }, this.#watchIntervalMs);
    // Watching must not keep a stopping process alive.
    timer.unref();
    return {
      close: async () => clearInterval(timer),
    };
  }

  async #readData(): Promise<StoreData> {
    const text = await this.#readText(this.location);
    if (text === null) return emptyStoreData();
    const parsed = parseStore(text);
    if (parsed.ok) return parsed.data;
    throw await this.#corrupt(parsed.detail, parsed.cause);
  }

  /** The file's text, or null when it does not exist (an empty store). */
  async #readText(path: string): Promise<string | null> {
    try {
      return await this.#fs.readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw storeIoError(error, "read", path, this.#dataDir);
    }
  }

  /** Advises restoring the backup only when there is one and it is good. */
  async #corrupt(detail: string, cause?: unknown): Promise<AppError> {
    const backup = await this.#readText(this.#backup).catch(() => null);
    const backupGood = backup !== null && parseStore(backup).ok;
    const advice = backupGood
      ? `To go back to the last good state, stop the bot and copy ${this.#backup} over it; ` +
        "or move it away to start with an empty store"
      : backup === null
        ? `There is no backup (${this.#backup}): repair the file by hand, or move it away to start with an empty store`
        : `Its backup ${this.#backup} is damaged too, so do not restore it: repair the file by hand, ` +
          "or move both away to start with an empty store";
    return new AppError(
      "STORE_CORRUPT",
      `The corpus store ${this.location} is damaged (${detail}). It was left as it is. ` +
        `${advice} (the shipped corpus/ is not affected).`,
      { cause },
    );
  }

  /**
   * Copies the current file (valid: it was read and checked a moment ago) to the backup,
   * through a temporary file, so a crash mid-copy never leaves a half backup behind.
   */
  async #keepBackup(): Promise<void> {
    const temporary = `${this.#backup}.tmp`;
    try {
      await this.#fs.copyFile(this.location, temporary);
      await this.#fs.rename(temporary, this.#backup);
    } catch (error) {
      await this.#fs.unlink(temporary).catch(() => {});
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw storeIoError(error, "write", this.#backup, this.#dataDir);
    }
  }

  #describeHolder(holder: LockHolder): string {
    const where = holder.pid === process.pid ? "this process" : `process ${holder.pid}`;
    return (
      `The corpus store in ${this.location} is busy: ${holder.purpose} (${where} on ${holder.hostname}, ` +
      `since ${holder.startedAt}). Wait until it finishes. If that process no longer runs, delete ${this.#lockPath}.`
    );
  }
}

function parseStore(text: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, detail: `not valid JSON: ${(error as Error).message}`, cause: error };
  }
  const parsed = StoreDataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, detail: `${issue?.path.join(".") || "top level"}: ${issue?.message}` };
  }
  return { ok: true, data: parsed.data };
}

/**
 * Opens the store in `dataDir` and reads it once, so a damaged or unreadable file stops
 * start-up (STORE_CORRUPT, STORE_UNREADABLE) instead of failing the first moderator. The
 * folder is created at the first write, so reading commands (`ask`, `list`) leave no trace.
 */
export async function openLowdbCorpusStore(
  dataDir: string,
  options: LowdbCorpusStoreOptions = {},
): Promise<LowdbCorpusStore> {
  const store = new LowdbCorpusStore(dataDir, options);
  await store.read();
  return store;
}
