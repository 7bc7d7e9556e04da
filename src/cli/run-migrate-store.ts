import { access } from "node:fs/promises";
import { join } from "node:path";
import type { EngineConfig } from "../config/engine-config.ts";
import { AppError } from "../errors.ts";
import type { Logger } from "../log/logger.ts";
import { STORE_FILE } from "../store/lowdb-corpus-store.ts";
import { FEEDBACK_FILE_NAME } from "../store/lowdb-feedback-store.ts";
import { applyMigrations } from "../store/postgres/apply-migrations.ts";
import { connectPostgres } from "../store/postgres/connect-postgres.ts";
import { copyLowdbStore, formatCopyReport } from "../store/postgres/copy-lowdb-store.ts";
import { redactDatabaseUrl } from "../store/postgres/redact-database-url.ts";
import { type CliIo, EXIT_OK, write } from "./cli-io.ts";

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * `corpus migrate-store`: copies DATA_DIR's lowdb store into the database DATABASE_URL
 * names (migrated first), and says how much of each kind it held and copied. Safe to run
 * again: what the database has is kept.
 */
export async function runMigrateStore(
  io: CliIo,
  config: EngineConfig,
  logger: Logger,
): Promise<number> {
  const url = config.DATABASE_URL;
  if (url === undefined) {
    throw new AppError(
      "USAGE",
      "migrate-store copies DATA_DIR's store into PostgreSQL: set DATABASE_URL to the database to copy into (postgres://user:password@host:5432/database).",
    );
  }
  const dataDir = config.DATA_DIR;
  const files = [join(dataDir, STORE_FILE), join(dataDir, FEEDBACK_FILE_NAME)];
  if (!(await exists(files[0] as string)) && !(await exists(files[1] as string))) {
    throw new AppError(
      "USAGE",
      `There is nothing to copy: ${dataDir} has neither ${STORE_FILE} nor ${FEEDBACK_FILE_NAME} (set DATA_DIR to the folder the bot used).`,
    );
  }
  const pool = await connectPostgres({ url, poolSize: 2, logger });
  try {
    await applyMigrations(pool);
    const report = await copyLowdbStore(dataDir, pool);
    await write(
      io.stdout,
      `Copied ${dataDir} into ${redactDatabaseUrl(url)}: ${formatCopyReport(report)}.\n`,
    );
    return EXIT_OK;
  } finally {
    await pool.end();
  }
}
