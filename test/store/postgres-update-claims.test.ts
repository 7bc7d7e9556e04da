import { describe, expect, it } from "vitest";
import { INSTANCE_LOCK_NAMESPACE } from "../../src/store/postgres/advisory-locks.ts";
import { useTestDatabase } from "../support/test-database.ts";

// Each `open` is a separate pool: a separate instance as far as the database can tell.
const db = useTestDatabase((admin) => admin.query("TRUNCATE update_claims"));
const instance = () => db.open();

/** The backends holding an instance lock: what a kill of their process would end. */
async function instanceLockHolders(): Promise<number[]> {
  const { rows } = await db.admin.query<{ pid: number }>(
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
    await db.admin.query("SELECT pg_terminate_backend($1)", [holder]);
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
    await db.close(first);
    expect(await b.claim("telegram:1:3")).toBe("claimed");
    expect(await b.claim("telegram:1:4")).toBe("done");
  });

  it("deletes expired claims as new ones come", async () => {
    let now = 1_000_000;
    const claims = (await instance()).updateClaims({ ttlMs: 1_000, now: () => now });
    await claims.claim("telegram:1:5");
    now += 60_000;
    await claims.claim("telegram:1:6");
    const { rows } = await db.admin.query<{ key: string }>("SELECT key FROM update_claims");
    expect(rows.map((r) => r.key)).toEqual(["telegram:1:6"]);
  });
});
