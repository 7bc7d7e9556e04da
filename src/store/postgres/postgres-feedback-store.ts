import type pg from "pg";
import type { FeedbackStore, VoteInput, VoteOutcome, VoteTally } from "../feedback-store.ts";
import { storedQuote } from "../stored-quote.ts";

/**
 * Feedback in two tables: the answer as first voted on, and one row per user's vote. The
 * vote is one upsert that changes nothing when the vote is the same, so two instances
 * handling clicks of one user at once still leave one vote.
 */
export function createPostgresFeedbackStore(
  pool: pg.Pool,
  now: () => Date = () => new Date(),
): FeedbackStore {
  return {
    async vote(input: VoteInput): Promise<VoteOutcome> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(
          `INSERT INTO feedback_answers (platform, answer_id, question, quotes)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [
            input.platform,
            input.answerId,
            input.question,
            JSON.stringify(input.quotes.map(storedQuote)),
          ],
        );
        // xmax = 0 only on a row this statement inserted; no row: the same vote again.
        const { rows } = await client.query<{ inserted: boolean }>(
          `INSERT INTO feedback_votes (platform, answer_id, user_id, vote, at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (platform, answer_id, user_id) DO UPDATE
           SET vote = excluded.vote, at = excluded.at
           WHERE feedback_votes.vote <> excluded.vote
           RETURNING (xmax = 0) AS inserted`,
          [input.platform, input.answerId, input.userId, input.vote, now().toISOString()],
        );
        await client.query("COMMIT");
        const row = rows[0];
        if (row === undefined) return "unchanged";
        return row.inserted ? "recorded" : "changed";
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async votesFor(platform: string, answerId: string): Promise<VoteTally> {
      const { rows } = await pool.query<{ up: number; down: number }>(
        `SELECT count(*) FILTER (WHERE vote = 'up')::int AS up,
                count(*) FILTER (WHERE vote = 'down')::int AS down
         FROM feedback_votes WHERE platform = $1 AND answer_id = $2`,
        [platform, answerId],
      );
      return { up: rows[0]?.up ?? 0, down: rows[0]?.down ?? 0 };
    },
  };
}
