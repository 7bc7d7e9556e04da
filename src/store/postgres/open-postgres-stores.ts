import type { Logger } from "../../log/logger.ts";
import type { FeedbackStore } from "../feedback-store.ts";
import type { Stores } from "../stores.ts";
import { applyMigrations } from "./apply-migrations.ts";
import { connectPostgres } from "./connect-postgres.ts";
import { createPostgresAnswerCache } from "./postgres-answer-cache.ts";
import { PostgresCorpusStore } from "./postgres-corpus-store.ts";
import { createPostgresFeedbackStore } from "./postgres-feedback-store.ts";
import { createPostgresFollowUpStore } from "./postgres-follow-up-store.ts";
import { createPostgresRateLimiter } from "./postgres-rate-limiter.ts";
import { createPostgresUpdateClaims, type PostgresUpdateClaims } from "./postgres-update-claims.ts";

export interface OpenPostgresStoresOptions {
  url: string;
  poolSize: number;
  logger?: Logger;
}

/**
 * Every store on one PostgreSQL database: connects (one sentence when it cannot), brings
 * the schema up to date, and shares one pool among them.
 */
export async function openPostgresStores(options: OpenPostgresStoresOptions): Promise<Stores> {
  const pool = await connectPostgres(options);
  try {
    const applied = await applyMigrations(pool);
    if (applied.length > 0) options.logger?.info({ applied }, "PostgreSQL: migrations applied");
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  const corpus = new PostgresCorpusStore(pool, { url: options.url, logger: options.logger });
  const feedback: FeedbackStore = createPostgresFeedbackStore(pool);
  // Each holds its instance lock on a connection of its own, returned at close.
  const claims: PostgresUpdateClaims[] = [];
  return {
    kind: "postgres",
    corpus,
    feedback: async () => feedback,
    rateLimiter: (name, limiter) => createPostgresRateLimiter(pool, name, limiter),
    followUps: (followUps) => createPostgresFollowUpStore(pool, followUps),
    answerCache: (cache) => createPostgresAnswerCache(pool, cache),
    updateClaims(claimOptions) {
      const made = createPostgresUpdateClaims(pool, { ...claimOptions, logger: options.logger });
      claims.push(made);
      return made;
    },
    async close() {
      await Promise.all(claims.map((c) => c.close()));
      await pool.end();
    },
  };
}
