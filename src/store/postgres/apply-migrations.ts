import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { AppError } from "../../errors.ts";
import { LOCK_NAMESPACE, MIGRATION_LOCK } from "./advisory-locks.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations/", import.meta.url));

/** `001_init.sql`: a number (its order) and a name. */
const MIGRATION_FILE = /^(\d+)_([a-z0-9_]+)\.sql$/;

interface Migration {
  version: number;
  name: string;
  sql: string;
}

async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = MIGRATION_FILE.exec(file);
    if (!match) {
      throw new Error(`Migration file ${file} is not named like 001_what_it_does.sql`);
    }
    migrations.push({
      version: Number(match[1]),
      name: match[2] as string,
      sql: await readFile(join(dir, file), "utf8"),
    });
  }
  const versions = new Set(migrations.map((m) => m.version));
  if (versions.size !== migrations.length)
    throw new Error(`Two migrations share a number in ${dir}`);
  return migrations.sort((a, b) => a.version - b.version);
}

/**
 * Brings the database's schema up to date: each numbered SQL file not yet recorded in
 * schema_migrations runs in its own transaction, recorded in the same one, so a failed
 * migration leaves no half of itself. An advisory lock makes instances that start
 * together take turns; the second finds the work done. A database migrated by a newer
 * version of the bot is refused rather than misread. Returns the versions applied.
 */
export async function applyMigrations(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<number[]> {
  const migrations = await readMigrations(dir);
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1, $2)", [LOCK_NAMESPACE, MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ version: number }>(
        "SELECT version FROM schema_migrations",
      );
      const done = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...migrations.map((m) => m.version));
      const unknown = [...done].filter((v) => v > newest);
      if (unknown.length > 0) {
        throw new AppError(
          "STORE_CORRUPT",
          `The database has migration ${Math.max(...unknown)} from a newer version of the bot (this one knows up to ${newest}); run the newer version, or restore a backup made before it.`,
        );
      }
      const applied: number[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
            migration.version,
            migration.name,
          ]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new AppError(
            "STORE_UNWRITABLE",
            `Migration ${migration.version} (${migration.name}) failed and was rolled back: ${(error as Error).message}.`,
            { cause: error },
          );
        }
        applied.push(migration.version);
      }
      return applied;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_NAMESPACE, MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
