import pg from "pg";
import { AppError } from "../../errors.ts";
import type { Logger } from "../../log/logger.ts";
import { redactDatabaseUrl, withoutPassword } from "./redact-database-url.ts";

export interface ConnectPostgresOptions {
  url: string;
  /** Connections at most (DATABASE_POOL_SIZE). */
  poolSize: number;
  logger?: Logger;
  /** How long a connection attempt may take before the server counts as unreachable. */
  connectTimeoutMs?: number;
}

/** What went wrong, in words, for the codes an operator meets when setting up. */
function describeFailure(error: unknown, url: string): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ECONNREFUSED":
      return "nothing is listening there (is the server running, and on that port?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name is not known";
    case "ETIMEDOUT":
      return "the connection timed out";
    case "28P01":
    case "28000":
      return "the user name or password was refused";
    case "3D000":
      return "the database does not exist (create it first, e.g. with createdb)";
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return withoutPassword(message || "unknown error", url);
    }
  }
}

/**
 * A pool of connections to DATABASE_URL, tried once so a wrong URL, a stopped server or a
 * refused password stops start-up with one sentence that names the server (password
 * hidden) and what failed. Idle connections do not keep a finished command alive.
 */
export async function connectPostgres(options: ConnectPostgresOptions): Promise<pg.Pool> {
  const { url, poolSize, logger } = options;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    allowExitOnIdle: true,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // An idle connection the server drops (a restart) must not crash the process: the pool
  // replaces it at the next query.
  pool.on("error", (error) => {
    logger?.warn(
      { reason: withoutPassword(error.message, url) },
      "PostgreSQL: an idle connection was closed",
    );
  });
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new AppError(
      "STORE_UNREACHABLE",
      `Could not connect to PostgreSQL at ${redactDatabaseUrl(url)}: ${describeFailure(error, url)}; check DATABASE_URL.`,
    );
  }
  return pool;
}
