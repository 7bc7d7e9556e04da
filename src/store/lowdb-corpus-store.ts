import { copyFile, mkdir, rename, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DataFile } from "lowdb/node";
import { AppError } from "../errors.ts";
import type {
  AuditEntry,
  CorpusStore,
  StoreChange,
  StoreLock,
  StoreSnapshot,
} from "./corpus-store.ts";
import { acquireLockFile, type HeldLock, type LockHolder } from "./lock-file.ts";
import { emptyStoreData, type StoreData, StoreDataSchema } from "./store-schema.ts";

export const STORE_FILE = "corpus-store.json";
/** The audit log keeps this many entries; the oldest go first. */
export const MAX_LOG_ENTRIES = 10_000;

/**
 * The single-instance store: one JSON file in DATA_DIR, so that one change (a whole
 * refresh included) is one atomic write: lowdb's steno writes a temporary file and
 * renames it over the old one. Beside it: `corpus-store.json.bak`, the last good state,
 * copied before each write, and `corpus-store.lock`, held by the one writing process.
 */
export class LowdbCorpusStore implements CorpusStore {
  readonly location: string;
  readonly #backup: string;
  readonly #lockPath: string;
  readonly #file: DataFile<StoreData>;
  #held: { lock: StoreLock; file: HeldLock } | null = null;

  constructor(dataDir: string) {
    this.location = join(dataDir, STORE_FILE);
    this.#backup = `${this.location}.bak`;
    this.#lockPath = join(dataDir, "corpus-store.lock");
    this.#file = new DataFile<StoreData>(this.location, {
      parse: (text) => this.#validate(text),
      stringify: (data) => `${JSON.stringify(data, null, 2)}\n`,
    });
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
      const info = await stat(this.location);
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
    await mkdir(dirname(this.location), { recursive: true });
    const file = await acquireLockFile(this.#lockPath, purpose, (holder) =>
      this.#describeHolder(holder),
    );
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
    await this.#file.write(next);
  }

  async #readData(): Promise<StoreData> {
    return (await this.#file.read()) ?? emptyStoreData();
  }

  #validate(text: string): StoreData {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw this.#corrupt(`not valid JSON: ${(error as Error).message}`, error);
    }
    const parsed = StoreDataSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.#corrupt(`${issue?.path.join(".") || "top level"}: ${issue?.message}`);
    }
    return parsed.data;
  }

  #corrupt(detail: string, cause?: unknown): AppError {
    return new AppError(
      "STORE_CORRUPT",
      `The corpus store ${this.location} is damaged (${detail}). It was left as it is. ` +
        `To go back to the last good state, stop the bot and copy ${this.#backup} over it; ` +
        `or move it away to start with an empty store (the shipped corpus/ is not affected).`,
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
      await copyFile(this.location, temporary);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    await rename(temporary, this.#backup);
  }

  #describeHolder(holder: LockHolder): string {
    const where = holder.pid === process.pid ? "this process" : `process ${holder.pid}`;
    return (
      `The corpus store in ${this.location} is busy: ${holder.purpose} (${where} on ${holder.hostname}, ` +
      `since ${holder.startedAt}). Wait until it finishes. If that process no longer runs, delete ${this.#lockPath}.`
    );
  }
}

/**
 * Opens the store in `dataDir` and reads it once, so a damaged file stops start-up with
 * STORE_CORRUPT instead of failing the first moderator. The folder is created at the
 * first write, so reading commands (`ask`, `list`) leave no trace.
 */
export async function openLowdbCorpusStore(dataDir: string): Promise<LowdbCorpusStore> {
  const store = new LowdbCorpusStore(dataDir);
  await store.read();
  return store;
}
