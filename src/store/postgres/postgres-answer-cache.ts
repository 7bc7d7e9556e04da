import type pg from "pg";
import {
  ANSWER_TTL_MS,
  type AnswerCache,
  type AnswerCacheOptions,
  type CachedAnswer,
  newAnswerId,
} from "../answer-cache.ts";

/**
 * Answers any instance can find by the id a button carries. Bounded by time, not count:
 * expired rows are deleted as new ones are written.
 */
export function createPostgresAnswerCache(
  pool: pg.Pool,
  options: AnswerCacheOptions = {},
): AnswerCache {
  const { ttlMs = ANSWER_TTL_MS, now = Date.now } = options;
  return {
    async put(entry) {
      const t = now();
      await pool.query("DELETE FROM answer_cache WHERE expires_at <= $1", [t]);
      for (;;) {
        const id = newAnswerId();
        const { rowCount } = await pool.query(
          `INSERT INTO answer_cache (id, entry, expires_at) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [id, JSON.stringify(entry), t + ttlMs],
        );
        if (rowCount === 1) return id;
      }
    },
    async get(id) {
      const { rows } = await pool.query<{ entry: CachedAnswer }>(
        "SELECT entry FROM answer_cache WHERE id = $1 AND expires_at > $2",
        [id, now()],
      );
      return rows[0]?.entry;
    },
  };
}
