import type pg from "pg";
import type { SeenQuote } from "../../engine/engine.ts";
import { type FollowUpOptions, type FollowUpStore, nextFollowUp } from "../follow-up-store.ts";

/**
 * Follow-up context any instance can read: the next message of a chat may reach another
 * instance than the answer did. Expired rows are ignored when read and deleted when a
 * chat's context is written.
 */
export function createPostgresFollowUpStore(
  pool: pg.Pool,
  options: FollowUpOptions,
): FollowUpStore {
  const { ttlMs, now = Date.now } = options;
  const live = async (chatKey: string) => {
    const { rows } = await pool.query<{ speaker: string | null; seen: SeenQuote[] }>(
      "SELECT speaker, seen FROM follow_ups WHERE chat_key = $1 AND expires_at > $2",
      [chatKey, now()],
    );
    return rows[0];
  };
  return {
    async recall(chatKey) {
      const row = await live(chatKey);
      return row && { speaker: row.speaker, seen: row.seen };
    },
    async remember(chatKey, answer) {
      if (ttlMs <= 0) return;
      const next = nextFollowUp(await live(chatKey), answer);
      if (next === null) return;
      const t = now();
      await pool.query("DELETE FROM follow_ups WHERE expires_at <= $1", [t]);
      await pool.query(
        `INSERT INTO follow_ups (chat_key, speaker, seen, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (chat_key) DO UPDATE
         SET speaker = excluded.speaker, seen = excluded.seen, expires_at = excluded.expires_at`,
        [chatKey, next.speaker, JSON.stringify(next.seen), t + ttlMs],
      );
    },
    async forget(chatKey) {
      await pool.query("DELETE FROM follow_ups WHERE chat_key = $1", [chatKey]);
    },
  };
}
