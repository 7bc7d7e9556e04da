import { hostname } from "node:os";
import type pg from "pg";
import type { z } from "zod";
import { AppError } from "../../errors.ts";
import type { Logger } from "../../log/logger.ts";
import type {
  AuditEntry,
  CorpusSource,
  CorpusStore,
  StoreChange,
  StoredArticle,
  StoreLock,
  StoreSnapshot,
  StoreWatch,
} from "../corpus-store.ts";
import { MAX_LOG_ENTRIES } from "../lowdb-corpus-store.ts";
import { AuditEntrySchema, SourceSchema, StoredArticleSchema } from "../store-schema.ts";
import { CORPUS_WRITER_LOCK, LOCK_NAMESPACE } from "./advisory-locks.ts";
import { redactDatabaseUrl, withoutPassword } from "./redact-database-url.ts";

/** How often, and how far apart, a refusal looks for the lock holder's row (see #busy). */
const HOLDER_ATTEMPTS = 5;
const HOLDER_WAIT_MS = 50;

/** The channel every committed corpus change is announced on, with the new revision. */
export const CORPUS_CHANNEL = "corpus_changed";
/** How long a watch waits before listening again after its connection dropped. */
const RELISTEN_DELAY_MS = 5_000;

export interface PostgresCorpusStoreOptions {
  /** DATABASE_URL, shown (password hidden) in messages as where the store lives. */
  url: string;
  logger?: Logger;
}

/** Keeps the last of each id, at the place the first had: as a Map, and as lowdb does. */
function lastById<T>(items: readonly T[], id: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [id(item), item])).values()];
}

/**
 * The corpus store in PostgreSQL, for several instances on one database. The writer's
 * lock is a session advisory lock held on a connection for the whole operation, so a
 * crashed instance's lock goes with its connection; `apply` is one transaction that
 * also bumps the revision and NOTIFYs `corpus_changed`, which `watch` LISTENs for.
 */
export class PostgresCorpusStore implements CorpusStore {
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #logger: Logger | undefined;
  readonly #url: string;
  #held: { lock: StoreLock; client: pg.PoolClient } | null = null;
  /** Locks whose connection was lost while held: the database let go of them already. */
  readonly #lost = new WeakSet<StoreLock>();

  constructor(pool: pg.Pool, options: PostgresCorpusStoreOptions) {
    this.#pool = pool;
    this.#logger = options.logger;
    this.#url = options.url;
    this.location = `the PostgreSQL database ${redactDatabaseUrl(options.url)}`;
  }

  async read(): Promise<StoreSnapshot> {
    const client = await this.#pool.connect();
    try {
      // One snapshot of both tables, whatever commits in between.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const articles = await client.query<{ id: string; stored: unknown }>(
        "SELECT id, stored FROM corpus_articles ORDER BY position",
      );
      const sources = await client.query<{ id: string; source: unknown }>(
        "SELECT id, source FROM corpus_sources ORDER BY position",
      );
      await client.query("COMMIT");
      return {
        articles: articles.rows.map(
          (r) =>
            this.#parse(StoredArticleSchema, r.stored, "corpus_articles", r.id) as StoredArticle,
        ),
        sources: sources.rows.map(
          (r) => this.#parse(SourceSchema, r.source, "corpus_sources", r.id) as CorpusSource,
        ),
      };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async revision(): Promise<string | null> {
    const { rows } = await this.#pool.query<{ revision: string }>(
      "SELECT revision FROM corpus_revision",
    );
    return rows[0]?.revision ?? null;
  }

  async log(limit = 50): Promise<AuditEntry[]> {
    const { rows } = await this.#pool.query<{ seq: string; entry: unknown }>(
      "SELECT seq, entry FROM corpus_audit ORDER BY seq DESC LIMIT $1",
      [limit],
    );
    return rows.map((r) => this.#parse(AuditEntrySchema, r.entry, "corpus_audit", r.seq));
  }

  async lock(purpose: string): Promise<StoreLock> {
    if (this.#held) {
      throw new AppError(
        "STORE_BUSY",
        `The corpus is busy: ${this.#held.lock.purpose} is running.`,
      );
    }
    const client = await this.#pool.connect();
    // A connection lost while the lock is held (a database restart) must not crash the
    // process: the lock went with it, and the next query on it fails and is reported.
    const onError = (error: Error) => {
      this.#logger?.warn(
        { reason: withoutPassword(error.message, this.#url) },
        "PostgreSQL: the corpus writer's connection was lost",
      );
      if (this.#held?.client !== client) return;
      this.#lost.add(this.#held.lock);
      this.#held = null;
      client.release(error);
    };
    client.on("error", onError);
    try {
      const { rows } = await client.query<{ got: boolean }>(
        "SELECT pg_try_advisory_lock($1, $2) AS got",
        [LOCK_NAMESPACE, CORPUS_WRITER_LOCK],
      );
      if (!rows[0]?.got) throw await this.#busy(client);
      await client.query(
        `INSERT INTO corpus_lock_holder (purpose, host, pid, since) VALUES ($1, $2, $3, now())
         ON CONFLICT (only_row) DO UPDATE
         SET purpose = excluded.purpose, host = excluded.host, pid = excluded.pid, since = excluded.since`,
        [purpose, hostname(), process.pid],
      );
    } catch (error) {
      client.off("error", onError);
      client.release();
      throw error;
    }
    const lock: StoreLock = {
      purpose,
      release: async () => {
        if (this.#held?.lock !== lock) return;
        this.#held = null;
        client.off("error", onError);
        try {
          await client.query("DELETE FROM corpus_lock_holder");
          await client.query("SELECT pg_advisory_unlock($1, $2)", [
            LOCK_NAMESPACE,
            CORPUS_WRITER_LOCK,
          ]);
          client.release();
        } catch (error) {
          // Closing the connection ends its session, and the advisory lock with it.
          client.release(error as Error);
        }
      },
    };
    this.#held = { lock, client };
    return lock;
  }

  async apply(lock: StoreLock, change: StoreChange): Promise<void> {
    const held = this.#held;
    if (this.#lost.has(lock)) {
      throw new AppError(
        "STORE_UNWRITABLE",
        `The connection to ${this.location} was lost during the operation, and the lock with it. Nothing was changed; try again.`,
      );
    }
    if (held?.lock !== lock) {
      throw new Error("apply() needs the lock from this store's lock(), still held");
    }
    const { client } = held;
    const articles = lastById(change.putArticles ?? [], (a) => a.article.id);
    const sources = lastById(change.putSources ?? [], (s) => s.id);
    await client.query("BEGIN");
    try {
      if (change.deleteArticles?.length) {
        await client.query("DELETE FROM corpus_articles WHERE id = ANY($1)", [
          change.deleteArticles,
        ]);
      }
      if (articles.length > 0) {
        // One statement for a whole refresh; ORDER BY keeps the given order for new rows.
        await client.query(
          `INSERT INTO corpus_articles (id, source_id, canonical_url, text_hash, stored)
           SELECT x->'article'->>'id', x->>'sourceId', x->>'canonicalUrl', x->>'textHash', x
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n
           ON CONFLICT (id) DO UPDATE SET source_id = excluded.source_id,
             canonical_url = excluded.canonical_url, text_hash = excluded.text_hash,
             stored = excluded.stored`,
          [JSON.stringify(articles)],
        );
      }
      if (change.deleteSources?.length) {
        await client.query("DELETE FROM corpus_sources WHERE id = ANY($1)", [change.deleteSources]);
      }
      if (sources.length > 0) {
        await client.query(
          `INSERT INTO corpus_sources (id, source)
           SELECT x->>'id', x FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n)
           ORDER BY n
           ON CONFLICT (id) DO UPDATE SET source = excluded.source`,
          [JSON.stringify(sources)],
        );
      }
      await client.query("INSERT INTO corpus_audit (at, entry) VALUES ($1, $2)", [
        change.audit.at,
        JSON.stringify(change.audit),
      ]);
      await client.query(
        `DELETE FROM corpus_audit WHERE seq <=
           (SELECT seq FROM corpus_audit ORDER BY seq DESC OFFSET $1 LIMIT 1)`,
        [MAX_LOG_ENTRIES],
      );
      const { rows } = await client.query<{ revision: string }>(
        "UPDATE corpus_revision SET revision = revision + 1 RETURNING revision",
      );
      // Delivered at COMMIT, to every listening instance, or not at all on a rollback.
      await client.query("SELECT pg_notify($1, $2)", [CORPUS_CHANNEL, rows[0]?.revision ?? ""]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw new AppError(
        "STORE_UNWRITABLE",
        `The change could not be stored in ${this.location}: ${withoutPassword((error as Error).message, this.#url)}. Nothing was changed.`,
        { cause: error },
      );
    }
  }

  /**
   * LISTENs on its own connection for as long as the watch lasts. A dropped connection
   * is listened on again after a pause, and the listener called once, since a change may
   * have been missed meanwhile.
   */
  async watch(listener: () => void): Promise<StoreWatch> {
    let closed = false;
    let client: pg.PoolClient | null = null;
    let timer: NodeJS.Timeout | undefined;
    const onNotification = (message: pg.Notification) => {
      if (message.channel === CORPUS_CHANNEL) listener();
    };
    const listen = async (): Promise<void> => {
      const next = await this.#pool.connect();
      next.on("notification", onNotification);
      next.on("error", (error) => {
        this.#logger?.warn(
          { reason: withoutPassword(error.message, this.#url) },
          "PostgreSQL: corpus change feed lost",
        );
        next.release(error);
        if (client === next) client = null;
        if (!closed) relisten();
      });
      await next.query(`LISTEN ${CORPUS_CHANNEL}`);
      client = next;
    };
    const relisten = () => {
      timer = setTimeout(() => {
        listen().then(
          () => listener(),
          () => !closed && relisten(),
        );
      }, RELISTEN_DELAY_MS);
      timer.unref();
    };
    await listen();
    return {
      close: async () => {
        closed = true;
        clearTimeout(timer);
        const current = client;
        client = null;
        if (current === null) return;
        current.off("notification", onNotification);
        try {
          await current.query(`UNLISTEN ${CORPUS_CHANNEL}`);
          current.release();
        } catch (error) {
          current.release(error as Error);
        }
      },
    };
  }

  async #busy(client: pg.PoolClient): Promise<AppError> {
    type Holder = { purpose: string; host: string; pid: number; since: Date };
    // The holder takes the lock, then writes its row: a refusal in between waits a moment
    // for the row, so the person is told what is running, not only that something is.
    let holder: Holder | undefined;
    for (let attempt = 0; attempt < HOLDER_ATTEMPTS && !holder; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, HOLDER_WAIT_MS));
      const { rows } = await client.query<Holder>(
        "SELECT purpose, host, pid, since FROM corpus_lock_holder",
      );
      holder = rows[0];
    }
    const who = holder
      ? `${holder.purpose} (process ${holder.pid} on ${holder.host}, since ${holder.since.toISOString()})`
      : "another instance is changing it";
    return new AppError(
      "STORE_BUSY",
      `The corpus in ${this.location} is busy: ${who}. Wait until it finishes.`,
    );
  }

  #parse<T>(schema: z.ZodType<T>, value: unknown, table: string, id: string): T {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new AppError(
      "STORE_CORRUPT",
      `The row ${id} of ${table} in ${this.location} is damaged (${issue?.path.join(".") || "top level"}: ${issue?.message}). Repair or delete that row.`,
    );
  }
}
