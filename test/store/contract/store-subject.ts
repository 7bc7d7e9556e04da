import type { CorpusStore, FeedbackStore, Stores } from "../../../src/index.ts";

/** Stores on one backing (a DATA_DIR folder, a database), fresh for one test. */
export interface Backing {
  stores: Stores;
  /** A second corpus store on the same backing: another process, or another instance. */
  anotherCorpus(): Promise<CorpusStore>;
  /** A feedback store opened again on the same backing (after a restart, or elsewhere). */
  anotherFeedback(): Promise<FeedbackStore>;
}

/** How one implementation makes a fresh backing; the contract suites call it per test. */
export interface StoreSubject {
  name: string;
  fresh(): Promise<Backing>;
}
