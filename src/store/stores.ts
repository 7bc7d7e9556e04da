import type { AnswerCache, AnswerCacheOptions } from "./answer-cache.ts";
import type { CorpusStore } from "./corpus-store.ts";
import type { FeedbackStore } from "./feedback-store.ts";
import type { FollowUpOptions, FollowUpStore } from "./follow-up-store.ts";
import type { RateLimiter, RateLimiterOptions } from "./rate-limiter.ts";
import type { UpdateClaims, UpdateClaimsOptions } from "./update-claims.ts";

export type StoreKind = "lowdb" | "postgres";

/**
 * Everything the bot keeps between two messages, behind one set of interfaces: the
 * corpus store (articles, sources, the audit log), feedback votes, follow-up context,
 * rate-limit counters, the answers buttons refer to and the claims on delivered updates. `openStores` picks the
 * implementation: lowdb files and process memory for one machine, PostgreSQL when
 * DATABASE_URL is set. No platform type crosses this boundary: keys are strings the
 * faces make.
 */
export interface Stores {
  readonly kind: StoreKind;
  readonly corpus: CorpusStore;
  /** Opened at the first call (lowdb creates its file then), the same store after. */
  feedback(): Promise<FeedbackStore>;
  /**
   * A limiter for one purpose; `name` keeps the counters of different limits apart
   * ("telegram", "telegram-inline", "discord").
   */
  rateLimiter(name: string, options: RateLimiterOptions): RateLimiter;
  followUps(options: FollowUpOptions): FollowUpStore;
  answerCache(options?: AnswerCacheOptions): AnswerCache;
  /** Which delivered updates were handled: a retried delivery is handled once. */
  updateClaims(options?: UpdateClaimsOptions): UpdateClaims;
  /** Ends connections and timers; the stores are not used after. */
  close(): Promise<void>;
}
