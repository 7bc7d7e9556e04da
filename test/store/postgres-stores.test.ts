import { useTestDatabase } from "../support/test-database.ts";
import { corpusStoreContract } from "./contract/corpus-store-contract.ts";
import { stateContract } from "./contract/state-contract.ts";
import type { StoreSubject } from "./contract/store-subject.ts";

// Each `open` is a separate pool: a separate instance as far as the database can tell.
const db = useTestDatabase();

const postgres: StoreSubject = {
  name: "PostgreSQL",
  async fresh() {
    const stores = await db.open();
    // Emptied rather than created anew: one database per file keeps the suite quick.
    await db.admin.query(
      `TRUNCATE corpus_articles, corpus_sources, corpus_audit, corpus_lock_holder,
         feedback_answers, feedback_votes, follow_ups, rate_limits, answer_cache, update_claims;
       UPDATE corpus_revision SET revision = 0`,
    );
    return {
      stores,
      anotherCorpus: async () => (await db.open()).corpus,
      anotherFeedback: async () => (await db.open()).feedback(),
    };
  },
};

corpusStoreContract(postgres);
stateContract(postgres);
