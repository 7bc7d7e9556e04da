import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCorpusManager } from "../../src/corpus-admin/corpus-manager.ts";
import { loadAllArticles } from "../../src/corpus-admin/load-all-articles.ts";
import { startCorpusService } from "../../src/corpus-admin/start-corpus-service.ts";
import { createEngine } from "../../src/engine/create-engine.ts";
import type { FetchOptions } from "../../src/ingest/fetch-page.ts";
import { SILENT_LOGGER } from "../../src/log/logger.ts";
import { openPostgresStores } from "../../src/store/postgres/open-postgres-stores.ts";
import type { Stores } from "../../src/store/stores.ts";
import { type NewsSite, startNewsSite } from "../helpers/news-site.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { MODERATOR, SHIPPED_CORPUS } from "./corpus-manager-setup.ts";

let database: TestDatabase;
let admin: pg.Pool;
let site: NewsSite;
const open: Stores[] = [];
let stop: () => Promise<void> = async () => {};
beforeAll(async () => {
  database = await createTestDatabase();
  admin = new pg.Pool({ connectionString: database.url, max: 1 });
  site = await startNewsSite();
});
afterEach(async () => {
  await stop();
  for (const stores of open.splice(0)) await stores.close();
});
afterAll(async () => {
  await site?.close();
  await admin?.end();
  await database?.drop();
});

describe("the bot's corpus service on PostgreSQL", () => {
  it("rebuilds its snapshot when another instance changes the corpus, told by NOTIFY", async () => {
    const fetch: FetchOptions = {
      policy: { allowPrivate: false, allowedEndpoints: [`127.0.0.1:${site.port}`] },
      limits: { timeoutMs: 5_000, maxBytes: 1024 * 1024 },
    };
    const here = await openPostgresStores({ url: database.url, poolSize: 3 });
    const there = await openPostgresStores({ url: database.url, poolSize: 3 });
    open.push(here, there);
    const all = await loadAllArticles({ corpusDir: SHIPPED_CORPUS, store: here.corpus });
    const engine = createEngine({ articles: all.articles });
    const manager = createCorpusManager({
      store: here.corpus,
      corpusDir: SHIPPED_CORPUS,
      engine,
      fetch,
      shipped: all.shipped,
    });
    const service = startCorpusService({
      manager,
      config: { REFRESH_INTERVAL_MINUTES: 0 },
      logger: SILENT_LOGGER,
      // No timer in this test's time: only the notification can bring the change.
      storeCheckIntervalMs: 3_600_000,
      store: here.corpus,
    });
    stop = service.stop;
    // The service starts listening without waiting for it: see the LISTEN in place first.
    await expect
      .poll(async () => {
        const { rows } = await admin.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'LISTEN corpus_changed'",
        );
        return rows[0]?.n;
      })
      .toBe(1);
    const other = createCorpusManager({ store: there.corpus, corpusDir: SHIPPED_CORPUS, fetch });
    await other.add(site.url("/news/changing"), MODERATOR);
    await expect
      .poll(() => engine.articles().map((a) => a.id), { timeout: 10_000 })
      .toContain("gas-storage-update");
    const answer = await engine.ask("What did Koretskyi say about the reserve?");
    expect(answer.quotes.map((q) => q.text).join(" ")).toContain("ten days");
  });
});
