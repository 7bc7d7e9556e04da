import { randomInt } from "node:crypto";
import type pg from "pg";
import type { Logger } from "../../log/logger.ts";
import {
  UPDATE_CLAIM_TTL_MS,
  type UpdateClaims,
  type UpdateClaimsOptions,
} from "../update-claims.ts";
import { INSTANCE_LOCK_NAMESPACE } from "./advisory-locks.ts";

/** Expired claims are deleted at most this often per process, not at every claim. */
const CLEANUP_EVERY_MS = 60_000;
/** Instance lock keys are positive int4, as pg_locks shows them (as an oid). */
const MAX_INSTANCE_KEY = 2 ** 31 - 1;

export interface PostgresUpdateClaims extends UpdateClaims {
  /** Releases the instance lock; the claims are not used after. */
  close(): Promise<void>;
}

interface InstanceLock {
  key: number;
  client: pg.PoolClient;
  released: boolean;
}

function release(held: InstanceLock, error: Error | true): void {
  if (held.released) return;
  held.released = true;
  held.client.release(error);
}

/**
 * Claims shared by every instance on the database. A claim is a row (INSERT … ON CONFLICT
 * DO NOTHING, in effect) naming the claiming instance by its instance lock: a session
 * advisory lock this process holds on a connection of its own from the first claim on.
 * A delivery that finds an unfinished claim whose owner no longer holds its lock (the
 * process was killed, so its connection closed and the server freed the lock) takes the
 * claim over; one whose owner is alive is `taken`, and Telegram is asked to retry later.
 * No lease to tune: a slow answer is never handled twice, a dead instance's update is
 * handled at its next delivery.
 */
export function createPostgresUpdateClaims(
  pool: pg.Pool,
  options: UpdateClaimsOptions & { logger?: Logger } = {},
): PostgresUpdateClaims {
  const { ttlMs = UPDATE_CLAIM_TTL_MS, now = Date.now, logger } = options;
  let instance: Promise<InstanceLock> | undefined;
  let lastCleanup = Number.NEGATIVE_INFINITY;

  async function lockInstance(): Promise<InstanceLock> {
    const client = await pool.connect();
    try {
      for (;;) {
        const key = randomInt(1, MAX_INSTANCE_KEY);
        const { rows } = await client.query<{ locked: boolean }>(
          "SELECT pg_try_advisory_lock($1, $2) AS locked",
          [INSTANCE_LOCK_NAMESPACE, key],
        );
        if (rows[0]?.locked !== true) continue; // another process drew the same number
        const held: InstanceLock = { key, client, released: false };
        // Its connection dropped: the lock went with it, so the next claim takes a new
        // one. Until then other instances may take over this one's unfinished updates.
        client.once("error", (error) => {
          logger?.warn({ reason: error.message }, "PostgreSQL: the instance lock was lost");
          instance = undefined;
          release(held, error);
        });
        return held;
      }
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  function owner(): Promise<number> {
    instance ??= lockInstance().catch((error: unknown) => {
      instance = undefined;
      throw error;
    });
    return instance.then((held) => held.key);
  }

  return {
    async claim(key) {
      const me = await owner();
      const t = now();
      if (t - lastCleanup >= CLEANUP_EVERY_MS) {
        lastCleanup = t;
        await pool.query("DELETE FROM update_claims WHERE expires_at <= $1", [t]);
      }
      const { rowCount } = await pool.query(
        `INSERT INTO update_claims AS c (key, owner, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, done = false,
           expires_at = EXCLUDED.expires_at
         WHERE c.expires_at <= $4 OR (NOT c.done AND NOT EXISTS (
           SELECT 1 FROM pg_locks l
           WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
             AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND l.classid = $5::integer::oid AND l.objid = c.owner::oid))`,
        [key, me, t + ttlMs, t, INSTANCE_LOCK_NAMESPACE],
      );
      if (rowCount === 1) return "claimed";
      const { rows } = await pool.query<{ done: boolean }>(
        "SELECT done FROM update_claims WHERE key = $1",
        [key],
      );
      return rows[0]?.done === true ? "done" : "taken";
    },
    async finish(key) {
      await pool.query("UPDATE update_claims SET done = true WHERE key = $1", [key]);
    },
    async close() {
      const held = await instance?.catch(() => undefined);
      instance = undefined;
      // Destroyed, not returned to the pool: a pooled session would keep the lock.
      if (held !== undefined) release(held, true);
    },
  };
}
