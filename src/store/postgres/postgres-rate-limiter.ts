import type pg from "pg";
import { type RateLimiter, type RateLimiterOptions, slideWindow } from "../rate-limiter.ts";

/**
 * Counters shared by every instance: a key's recent uses are one row, locked for the
 * moment of the decision so two instances cannot both let the tenth question through.
 * Times come from the bot's clock (`now`), as in memory. Rows idle for a window are
 * deleted now and then, so the table holds only the users of the last minutes.
 */
export function createPostgresRateLimiter(
  pool: pg.Pool,
  name: string,
  options: RateLimiterOptions,
): RateLimiter {
  const { limit, windowMs, now = Date.now } = options;
  let takes = 0;
  return {
    async take(key) {
      const t = now();
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(
          `INSERT INTO rate_limits (name, key, uses, touched_at) VALUES ($1, $2, '{}', $3)
           ON CONFLICT DO NOTHING`,
          [name, key, t],
        );
        const { rows } = await client.query<{ uses: string[] }>(
          "SELECT uses FROM rate_limits WHERE name = $1 AND key = $2 FOR UPDATE",
          [name, key],
        );
        const next = slideWindow((rows[0]?.uses ?? []).map(Number), t, limit, windowMs);
        await client.query(
          "UPDATE rate_limits SET uses = $3, touched_at = $4 WHERE name = $1 AND key = $2",
          [name, key, next.uses, t],
        );
        takes += 1;
        if (takes % 100 === 0) {
          await client.query("DELETE FROM rate_limits WHERE name = $1 AND touched_at < $2", [
            name,
            t - windowMs,
          ]);
        }
        await client.query("COMMIT");
        return next.decision;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
