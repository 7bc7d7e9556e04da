import type pg from "pg";
import { AppError } from "../../errors.ts";
import { LowdbCorpusStore, MAX_LOG_ENTRIES } from "../lowdb-corpus-store.ts";
import { readLowdbFeedback } from "../lowdb-feedback-store.ts";
import { CORPUS_WRITER_LOCK, LOCK_NAMESPACE } from "./advisory-locks.ts";
import { CORPUS_CHANNEL } from "./postgres-corpus-store.ts";

/** How many of each kind the DATA_DIR store held, and how many of them were new here. */
export interface CopyCount {
  total: number;
  copied: number;
}

export interface CopyReport {
  articles: CopyCount;
  sources: CopyCount;
  logEntries: CopyCount;
  feedbackAnswers: CopyCount;
  votes: CopyCount;
}

async function count(
  client: pg.PoolClient,
  sql: string,
  rows: readonly unknown[],
): Promise<CopyCount> {
  if (rows.length === 0) return { total: 0, copied: 0 };
  const result = await client.query(sql, [JSON.stringify(rows)]);
  return { total: rows.length, copied: result.rowCount ?? 0 };
}

/**
 * Copies DATA_DIR's lowdb store (articles, sources, the audit log, feedback) into the
 * migrated PostgreSQL database, in one transaction that running instances are told of.
 * What the database already has is kept (the same id, the same log entry, a user's vote),
 * so running it again copies nothing twice. Both writers' locks are held meanwhile: the
 * DATA_DIR lock file, and the database's advisory lock.
 */
export async function copyLowdbStore(dataDir: string, pool: pg.Pool): Promise<CopyReport> {
  const lowdb = new LowdbCorpusStore(dataDir);
  const lowdbLock = await lowdb.lock("a copy into PostgreSQL (corpus migrate-store)");
  try {
    const { articles, sources } = await lowdb.read();
    const log = (await lowdb.log(MAX_LOG_ENTRIES)).reverse();
    const feedback = Object.values((await readLowdbFeedback(dataDir)).answers);
    const votes = feedback.flatMap((answer) =>
      Object.entries(answer.votes).map(([userId, v]) => ({
        platform: answer.platform,
        answerId: answer.answerId,
        userId,
        vote: v.vote,
        at: v.at,
      })),
    );
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ got: boolean }>(
        "SELECT pg_try_advisory_xact_lock($1, $2) AS got",
        [LOCK_NAMESPACE, CORPUS_WRITER_LOCK],
      );
      if (!rows[0]?.got) {
        throw new AppError(
          "STORE_BUSY",
          "The corpus in PostgreSQL is busy: an instance is changing it. Try again when it has finished.",
        );
      }
      const report: CopyReport = {
        articles: await count(
          client,
          `INSERT INTO corpus_articles (id, source_id, canonical_url, text_hash, stored)
           SELECT x->'article'->>'id', x->>'sourceId', x->>'canonicalUrl', x->>'textHash', x
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n
           ON CONFLICT (id) DO NOTHING`,
          articles,
        ),
        sources: await count(
          client,
          `INSERT INTO corpus_sources (id, source)
           SELECT x->>'id', x FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n)
           ORDER BY n ON CONFLICT (id) DO NOTHING`,
          sources,
        ),
        // A log entry has no id: one equal in every field is the same entry.
        logEntries: await count(
          client,
          `INSERT INTO corpus_audit (at, entry)
           SELECT (x->>'at')::timestamptz, x
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, n)
           WHERE NOT EXISTS (SELECT 1 FROM corpus_audit a WHERE a.entry = x)
           ORDER BY n`,
          log,
        ),
        feedbackAnswers: await count(
          client,
          `INSERT INTO feedback_answers (platform, answer_id, question, quotes)
           SELECT x->>'platform', x->>'answerId', x->>'question', x->'quotes'
           FROM jsonb_array_elements($1::jsonb) AS t(x)
           ON CONFLICT DO NOTHING`,
          feedback,
        ),
        votes: await count(
          client,
          `INSERT INTO feedback_votes (platform, answer_id, user_id, vote, at)
           SELECT x->>'platform', x->>'answerId', x->>'userId', x->>'vote', (x->>'at')::timestamptz
           FROM jsonb_array_elements($1::jsonb) AS t(x)
           ON CONFLICT DO NOTHING`,
          votes,
        ),
      };
      if (report.articles.copied + report.sources.copied > 0) {
        const bumped = await client.query<{ revision: string }>(
          "UPDATE corpus_revision SET revision = revision + 1 RETURNING revision",
        );
        await client.query("SELECT pg_notify($1, $2)", [
          CORPUS_CHANNEL,
          bumped.rows[0]?.revision ?? "",
        ]);
      }
      await client.query("COMMIT");
      return report;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  } finally {
    await lowdbLock.release();
  }
}

/** "12 articles (10 new), 3 sources (3 new), …" */
export function formatCopyReport(report: CopyReport): string {
  const part = (c: CopyCount, one: string, many: string) =>
    `${c.total} ${c.total === 1 ? one : many} (${c.copied} new)`;
  return [
    part(report.articles, "article", "articles"),
    part(report.sources, "source", "sources"),
    part(report.logEntries, "log entry", "log entries"),
    part(report.feedbackAnswers, "answer with feedback", "answers with feedback"),
    part(report.votes, "vote", "votes"),
  ].join(", ");
}
