import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import type { Stores } from "../../src/index.ts";
import { openPostgresStores } from "../../src/store/postgres/open-postgres-stores.ts";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the run's PostgreSQL server, for one test file or test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = inject("postgresUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** One test file's database: see useTestDatabase. */
export interface FileDatabase {
  readonly url: string;
  /** A pool of one connection for reading and changing tables behind the stores' back. */
  readonly admin: pg.Pool;
  /** Stores on the database, as one more instance would open them; closed after each test. */
  open(): Promise<Stores>;
  /** Closes stores `open` gave before the test ends, as an instance that stops would. */
  close(stores: Stores): Promise<void>;
}

/**
 * Registers the hooks of a test file that works on one database: made before its tests,
 * every store opened through `open` closed after each (then `afterEachTest`, given the
 * admin pool), dropped after all.
 */
export function useTestDatabase(
  afterEachTest?: (admin: pg.Pool) => Promise<unknown>,
): FileDatabase {
  let database: TestDatabase | undefined;
  let admin: pg.Pool | undefined;
  const opened: Stores[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new pg.Pool({ connectionString: database.url, max: 1 });
  });
  afterEach(async () => {
    for (const stores of opened.splice(0)) await stores.close();
    if (admin && afterEachTest) await afterEachTest(admin);
  });
  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the test database is made in beforeAll");
    return value;
  };
  return {
    get url() {
      return ready(database).url;
    },
    get admin() {
      return ready(admin);
    },
    async open() {
      const stores = await openPostgresStores({ url: ready(database).url, poolSize: 4 });
      opened.push(stores);
      return stores;
    },
    async close(stores) {
      const at = opened.indexOf(stores);
      if (at >= 0) opened.splice(at, 1);
      await stores.close();
    },
  };
}
