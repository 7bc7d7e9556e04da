import type { StoreConfig } from "../config/store-config.ts";
import type { Logger } from "../log/logger.ts";
import { openLowdbStores } from "./open-lowdb-stores.ts";
import { openPostgresStores } from "./postgres/open-postgres-stores.ts";
import type { Stores } from "./stores.ts";

/**
 * The stores the configuration names: PostgreSQL when DATABASE_URL is set, DATA_DIR's
 * lowdb files otherwise. Fails at start, with one sentence, when the store cannot be used.
 */
export function openStores(
  config: StoreConfig & { DATA_DIR: string },
  logger?: Logger,
): Promise<Stores> {
  if (config.DATABASE_URL !== undefined) {
    return openPostgresStores({
      url: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
      logger,
    });
  }
  return openLowdbStores(config.DATA_DIR);
}
