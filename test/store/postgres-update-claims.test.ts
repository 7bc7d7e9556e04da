import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../src/index.ts";
import { INSTANCE_LOCK_NAMESPACE } from "../../src/store/postgres/advisory-locks.ts";
import { openPostgresStores } from "../../src/store/postgres/open-postgres-stores.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let admin: pg.Pool;
const open: Stores[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  admin = new pg.Pool({ connectionString: database.url, max: 1 });
});
afterEach(async () => {
  for (const stores of open.splice(0)) await stores.close();
  await admin.query("TRUNCATE update_claims");
});
afterAll(async () => {
  await admin?.end();
  await database?.drop();
});

/** Each pool is a separate instance as far as the database can tell. */
async function instance(): Promise<Stores> {
  const stores = await openPostgresStores({ url: database.url, poolSize: 4 });
  open.push(stores);
  return stores;
}

/** The backends holding an instance lock: what a kill of their process would end. */
async function instanceLockHolders(): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_locks
     WHERE locktype = 'advisory' AND granted AND classid = $1::integer::oid`,
    [INSTANCE_LOCK_NAMESPACE],
  );
  return rows.map((r) => r.pid);
}

describe("update claims across instances (PostgreSQL)", () => {
  it("refuses another instance's unfinished claim while it lives, and answers done once it finished", async () => {
    const a = (await instance()).updateClaims();
    const b = (await instance()).updateClaims();
    expect(await a.claim("telegram:1:1")).toBe("claimed");
    expect(await b.claim("telegram:1:1")).toBe("taken");
    await a.finish("telegram:1:1");
    expect(await b.claim("telegram:1:1")).toBe("done");
    expect(await instanceLockHolders()).toHaveLength(2);
  });

  it("lets another instance take over the claim of one whose connection died (a killed process)", async () => {
    const a = (await instance()).updateClaims();
    const b = (await instance()).updateClaims();
    expect(await a.claim("telegram:1:2")).toBe("claimed");
    const [holder] = await instanceLockHolders();
    expect(holder).toBeDefined();
    // As the server sees a kill -9: the connection closes and its session locks go.
    await admin.query("SELECT pg_terminate_backend($1)", [holder]);
    expect(await b.claim("telegram:1:2")).toBe("claimed");
    expect(await a.claim("telegram:1:2")).toBe("taken");
    await b.finish("telegram:1:2");
    expect(await a.claim("telegram:1:2")).toBe("done");
  });

  it("frees a stopped instance's unfinished claims, and keeps its finished ones", async () => {
    const first = await instance();
    const a = first.updateClaims();
    const b = (await instance()).updateClaims();
    expect(await a.claim("telegram:1:3")).toBe("claimed");
    expect(await a.claim("telegram:1:4")).toBe("claimed");
    await a.finish("telegram:1:4");
    open.splice(open.indexOf(first), 1);
    await first.close();
    expect(await b.claim("telegram:1:3")).toBe("claimed");
    expect(await b.claim("telegram:1:4")).toBe("done");
  });

  it("deletes expired claims as new ones come", async () => {
    let now = 1_000_000;
    const claims = (await instance()).updateClaims({ ttlMs: 1_000, now: () => now });
    await claims.claim("telegram:1:5");
    now += 60_000;
    await claims.claim("telegram:1:6");
    const { rows } = await admin.query<{ key: string }>("SELECT key FROM update_claims");
    expect(rows.map((r) => r.key)).toEqual(["telegram:1:6"]);
  });
});
