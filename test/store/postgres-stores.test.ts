import pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Stores } from "../../src/index.ts";
import { openPostgresStores } from "../../src/store/postgres/open-postgres-stores.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { corpusStoreContract } from "./contract/corpus-store-contract.ts";
import { stateContract } from "./contract/state-contract.ts";
import type { StoreSubject } from "./contract/store-subject.ts";

let database: TestDatabase;
let admin: pg.Pool;
const open: Stores[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  admin = new pg.Pool({ connectionString: database.url, max: 1 });
});
afterEach(async () => {
  for (const stores of open.splice(0)) await stores.close();
});
afterAll(async () => {
  await admin?.end();
  await database?.drop();
});

/** Each pool is a separate instance as far as the database can tell. */
async function instance(url: string): Promise<Stores> {
  const stores = await openPostgresStores({ url, poolSize: 4 });
  open.push(stores);
  return stores;
}

const postgres: StoreSubject = {
  name: "PostgreSQL",
  async fresh() {
    const stores = await instance(database.url);
    // Emptied rather than created anew: one database per file keeps the suite quick.
    await admin.query(
      `TRUNCATE corpus_articles, corpus_sources, corpus_audit, corpus_lock_holder,
         feedback_answers, feedback_votes, follow_ups, rate_limits, answer_cache, update_claims;
       UPDATE corpus_revision SET revision = 0`,
    );
    return {
      stores,
      anotherCorpus: async () => (await instance(database.url)).corpus,
      anotherFeedback: async () => (await instance(database.url)).feedback(),
    };
  },
};

corpusStoreContract(postgres);
stateContract(postgres);
