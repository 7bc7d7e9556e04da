import type { FeedbackStore } from "./feedback-store.ts";
import { IN_MEMORY_STATE } from "./in-memory-state.ts";
import { openLowdbCorpusStore } from "./lowdb-corpus-store.ts";
import { openLowdbFeedbackStore } from "./lowdb-feedback-store.ts";
import type { Stores } from "./stores.ts";

/**
 * The single-machine stores: the corpus and feedback in DATA_DIR's JSON files, follow-up
 * context, rate limits and answer caches in this process (they expire in minutes).
 * Opening reads the corpus store once, so a damaged file stops start-up.
 */
export async function openLowdbStores(dataDir: string): Promise<Stores> {
  const corpus = await openLowdbCorpusStore(dataDir);
  let feedback: Promise<FeedbackStore> | undefined;
  return {
    kind: "lowdb",
    corpus,
    feedback() {
      feedback ??= openLowdbFeedbackStore({ dataDir });
      return feedback;
    },
    ...IN_MEMORY_STATE,
    async close() {},
  };
}
