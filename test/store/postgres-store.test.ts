import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError, type Stores } from "../../src/index.ts";
import { applyMigrations, MIGRATIONS_DIR } from "../../src/store/postgres/apply-migrations.ts";
import { openPostgresStores } from "../../src/store/postgres/open-postgres-stores.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { answer, audit, quote, stored } from "./contract/fixtures.ts";

const databases: TestDatabase[] = [];
const open: Stores[] = [];
const pools: pg.Pool[] = [];

async function database(): Promise<TestDatabase> {
  const created = await createTestDatabase();
  databases.push(created);
  return created;
}
async function instance(url: string): Promise<Stores> {
  const stores = await openPostgresStores({ url, poolSize: 4 });
  open.push(stores);
  return stores;
}
function pool(url: string): pg.Pool {
  const created = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(created);
  return created;
}
async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

afterEach(async () => {
  for (const stores of open.splice(0)) await stores.close();
  for (const p of pools.splice(0)) await p.end();
});
afterAll(async () => {
  for (const db of databases.splice(0)) await db.drop();
});

describe("PostgreSQL migrations", () => {
  it("apply each file once, recorded, even when two instances start together", async () => {
    const { url } = await database();
    const [a, b] = await Promise.all([instance(url), instance(url)]);
    expect(a.kind).toBe("postgres");
    expect(b.kind).toBe("postgres");
    const { rows } = await pool(url).query(
      "SELECT version, name FROM schema_migrations ORDER BY version",
    );
    expect(rows).toEqual([
      { version: 1, name: "init" },
      { version: 2, name: "update_claims" },
    ]);
    expect(await applyMigrations(pool(url))).toEqual([]);
  });

  it("roll a failing migration back whole and say which one failed", async () => {
    const { url } = await database();
    const dir = await mkdtemp(join(tmpdir(), "migrations-"));
    try {
      await writeFile(join(dir, "001_first.sql"), "CREATE TABLE first_table (id int);");
      await writeFile(
        join(dir, "002_broken.sql"),
        "CREATE TABLE half_done (id int);\nSELECT no_such_function();",
      );
      const error = await caught(applyMigrations(pool(url), dir));
      expect(error.message).toMatch(/^Migration 2 \(broken\) failed and was rolled back: /);
      const check = pool(url);
      const tables = await check.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(["first_table", "schema_migrations"]);
      const versions = await check.query("SELECT version FROM schema_migrations");
      expect(versions.rows).toEqual([{ version: 1 }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuse a database a newer version of the bot migrated", async () => {
    const { url } = await database();
    const p = pool(url);
    await applyMigrations(p);
    await p.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
    const error = await caught(applyMigrations(p, MIGRATIONS_DIR));
    expect(error.code).toBe("STORE_CORRUPT");
    expect(error.message).toContain("migration 999");
  });
});

describe("PostgreSQL connection errors", () => {
  it("say in one sentence that nothing listens, with the password hidden", async () => {
    const error = await caught(
      openPostgresStores({ url: "postgres://bot:s3cret-pass@127.0.0.1:1/news", poolSize: 2 }),
    );
    expect(error.code).toBe("STORE_UNREACHABLE");
    expect(error.message).toBe(
      "Could not connect to PostgreSQL at postgres://bot:***@127.0.0.1:1/news: nothing is listening there (is the server running, and on that port?); check DATABASE_URL.",
    );
  });

  it("say a password was refused, or a database is missing, without showing the password", async () => {
    const { url } = await database();
    const wrong = new URL(url);
    wrong.password = "not-the-password";
    const refused = await caught(openPostgresStores({ url: wrong.toString(), poolSize: 2 }));
    expect(refused.message).toContain("the user name or password was refused");
    expect(refused.message).not.toContain("not-the-password");
    const missing = new URL(url);
    missing.pathname = "/no_such_database";
    const absent = await caught(openPostgresStores({ url: missing.toString(), poolSize: 2 }));
    expect(absent.message).toContain("the database does not exist");
    expect(absent.message).not.toContain(new URL(url).password);
  });
});

describe("PostgreSQL corpus store", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });

  it("commits a change whole or not at all: a failure keeps the deletes, the revision and the silence", async () => {
    const stores = await instance(db.url);
    const watcher = await instance(db.url);
    let notified = 0;
    const watch = await watcher.corpus.watch(() => {
      notified += 1;
    });
    const lock = await stores.corpus.lock("test");
    await stores.corpus.apply(lock, { putArticles: [stored("a", "A.")], audit: audit("one") });
    const revision = await stores.corpus.revision();
    const broken = { ...stored("b", "B."), canonicalUrl: undefined as unknown as string };
    const error = await caught(
      stores.corpus.apply(lock, {
        deleteArticles: ["a"],
        putArticles: [broken],
        audit: audit("two"),
      }),
    );
    await lock.release();
    expect(error.code).toBe("STORE_UNWRITABLE");
    expect(error.message).toContain("Nothing was changed.");
    expect((await stores.corpus.read()).articles.map((s) => s.article.id)).toEqual(["a"]);
    expect(await stores.corpus.revision()).toBe(revision);
    expect((await stores.corpus.log()).map((e) => e.summary)).toEqual(["one"]);
    // The first change's notification arrives; the rolled-back one never does.
    await expect.poll(() => notified).toBe(1);
    await watch.close();
  });

  it("frees the writer's lock when the instance holding it dies", async () => {
    const first = await instance(db.url);
    const second = await instance(db.url);
    const lost = await first.corpus.lock("refresh by schedule");
    const busy = await caught(second.corpus.lock("add by cli:tester"));
    expect(busy.message).toMatch(/busy: refresh by schedule \(process \d+ on .+, since /);
    // What a crash looks like from the database: the holder's connection ends.
    await pool(db.url).query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()`,
    );
    // The server ends the backend a moment after it is asked to.
    const lock = await vi.waitFor(() => second.corpus.lock("add by cli:tester"), {
      timeout: 5_000,
      interval: 50,
    });
    await lock.release();
    // The dead instance is told, rather than writing without the lock.
    const error = await caught(first.corpus.apply(lost, { audit: audit("late") }));
    expect(error.message).toContain("was lost during the operation");
    expect((await second.corpus.log()).map((e) => e.summary)).not.toContain("late");
  });
});

describe("PostgreSQL state shared by instances", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });

  it("a follow-up remembered by one instance is recalled by another", async () => {
    const [a, b] = [await instance(db.url), await instance(db.url)];
    const options = { ttlMs: 60_000, now: () => 1_000 };
    await a.followUps(options).remember("telegram:42", answer("Yuri Ushakov", [quote(3)]));
    expect(await b.followUps(options).recall("telegram:42")).toEqual({
      speaker: "Yuri Ushakov",
      seen: [{ articleId: "a1", paragraph: 3, start: 0 }],
    });
  });

  it("a rate limit holds across instances, also for uses at the same moment", async () => {
    const [a, b] = [await instance(db.url), await instance(db.url)];
    const options = { limit: 5, windowMs: 60_000, now: () => 2_000 };
    const limiters = [a.rateLimiter("race", options), b.rateLimiter("race", options)];
    const decisions = await Promise.all(
      Array.from({ length: 12 }, (_, i) => limiters[i % 2]?.take("user-1")),
    );
    expect(decisions.filter((d) => d?.allowed).length).toBe(5);
  });

  it("an answer cached by one instance is found by another, for its buttons", async () => {
    const [a, b] = [await instance(db.url), await instance(db.url)];
    const entry = { question: "q", offset: 0, shown: 1, answer: answer("X", [quote(2)]) };
    const id = await a.answerCache().put(entry);
    expect(await b.answerCache().get(id)).toEqual(entry);
  });
});

describe("PostgreSQL housekeeping: the tables hold only what is still needed", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });

  it("keeps the newest 10,000 audit entries, as the lowdb file does", async () => {
    const stores = await instance(db.url);
    const check = pool(db.url);
    await check.query(
      `INSERT INTO corpus_audit (at, entry)
       SELECT now(), jsonb_build_object('summary', 'old ' || i) FROM generate_series(1, 10000) i`,
    );
    const lock = await stores.corpus.lock("test");
    await stores.corpus.apply(lock, { audit: audit("newest") });
    await lock.release();
    const { rows } = await check.query(
      "SELECT count(*)::int AS n, bool_or(entry->>'summary' = 'old 1') AS oldest FROM corpus_audit",
    );
    expect(rows[0]).toEqual({ n: 10_000, oldest: false });
    expect((await stores.corpus.log(1)).map((e) => e.summary)).toEqual(["newest"]);
  });

  it("drops expired follow-ups, idle rate-limit rows and expired answers as new ones come", async () => {
    const stores = await instance(db.url);
    const check = pool(db.url);
    let t = 1_000;
    const now = () => t;
    const followUps = stores.followUps({ ttlMs: 60_000, now });
    const limiter = stores.rateLimiter("house", { limit: 1_000, windowMs: 60_000, now });
    const cache = stores.answerCache({ ttlMs: 60_000, now });
    await followUps.remember("old-chat", answer("X", [quote(1)]));
    await limiter.take("old-user");
    await cache.put({ question: "old", offset: 0, shown: 0, answer: answer(null, []) });
    t += 120_000;
    await followUps.remember("new-chat", answer("Y", [quote(2)]));
    await cache.put({ question: "new", offset: 0, shown: 0, answer: answer(null, []) });
    // The limiter sweeps every hundredth take: this is its hundredth.
    for (let i = 0; i < 99; i += 1) await limiter.take("new-user");
    const count = async (sql: string) => (await check.query(sql)).rows[0]?.n;
    expect(await count("SELECT count(*)::int AS n FROM follow_ups")).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM answer_cache")).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM rate_limits WHERE name = 'house'")).toBe(1);
  });
});
