import { z } from "zod";

export const DEFAULT_DATABASE_POOL_SIZE = 10;

/** True for a URL the pg driver can connect with; the URL itself is never echoed. */
function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.host !== "";
  } catch {
    return false;
  }
}

/**
 * Where the bot keeps its state: DATA_DIR's lowdb files (the default), or PostgreSQL when
 * DATABASE_URL is set. Merged into the engine's schema, since every command opens a store.
 */
export const StoreConfigShape = {
  /** Unset or empty: the lowdb files in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, {
      error: "must be a URL like postgres://user:password@host:5432/database",
    })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "must be a whole number from 2 to 100" })
    .int("must be a whole number from 2 to 100")
    .min(2, "must be a whole number from 2 to 100")
    .max(100, "must be a whole number from 2 to 100")
    .default(DEFAULT_DATABASE_POOL_SIZE),
};

export const StoreConfigSchema = z.object(StoreConfigShape);
export type StoreConfig = z.infer<typeof StoreConfigSchema>;
