import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { openLowdbFeedbackStore, openLowdbStores } from "../../src/index.ts";
import { LowdbCorpusStore } from "../../src/store/lowdb-corpus-store.ts";
import { corpusStoreContract } from "./contract/corpus-store-contract.ts";
import { stateContract } from "./contract/state-contract.ts";
import type { StoreSubject } from "./contract/store-subject.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const lowdb: StoreSubject = {
  name: "lowdb (DATA_DIR files, state in memory)",
  async fresh() {
    const dir = await mkdtemp(join(tmpdir(), "stores-"));
    dirs.push(dir);
    return {
      stores: await openLowdbStores(dir),
      // Polled often, so a test sees another process's write at once.
      anotherCorpus: async () => new LowdbCorpusStore(dir, { watchIntervalMs: 20 }),
      anotherFeedback: () => openLowdbFeedbackStore({ dataDir: dir }),
    };
  },
};

corpusStoreContract(lowdb);
stateContract(lowdb);
