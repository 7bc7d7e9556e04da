import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCorpusManager } from "../../src/corpus-admin/corpus-manager.ts";
import { startCorpusService } from "../../src/corpus-admin/start-corpus-service.ts";
import { SILENT_LOGGER } from "../../src/log/logger.ts";
import { openLowdbCorpusStore } from "../../src/store/lowdb-corpus-store.ts";
import { changingPage } from "../helpers/news-site.ts";
import { MODERATOR, SHIPPED_CORPUS, startWorld, type World } from "./corpus-manager-setup.ts";

let world: World;
let stop: () => Promise<void> = async () => {};
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await stop();
  await world.close();
});

const reserveQuotes = async () =>
  (await world.engine.ask("What did Koretskyi say about the reserve?")).quotes
    .map((q) => q.text)
    .join(" ");

describe("the bot's corpus service", () => {
  it("picks up what another process (the CLI) stored, without fetching", async () => {
    const service = startCorpusService({
      manager: world.manager,
      config: { REFRESH_INTERVAL_MINUTES: 0 },
      logger: SILENT_LOGGER,
      storeCheckIntervalMs: 50,
    });
    stop = service.stop;
    // Another process: its own store object and manager on the same DATA_DIR, no engine.
    const cli = createCorpusManager({
      store: await openLowdbCorpusStore(world.dataDir),
      corpusDir: SHIPPED_CORPUS,
      fetch: world.fetch,
    });
    await cli.add(world.site.url("/news/changing"), MODERATOR);
    await expect
      .poll(() => world.engine.articles().map((a) => a.id), { timeout: 10_000 })
      .toContain("gas-storage-update");
    expect(await reserveQuotes()).toContain("ten days");
    expect(world.site.hits("/news/changing")).toBe(1);
  });

  it("refreshes on schedule, and the next answers quote the changed page", async () => {
    await world.manager.add(world.site.url("/news/changing"), MODERATOR);
    world.site.set("/news/changing", { type: "text/html", body: changingPage(2) });
    const service = startCorpusService({
      manager: world.manager,
      config: { REFRESH_INTERVAL_MINUTES: 0 },
      logger: SILENT_LOGGER,
      refreshIntervalMs: 100,
    });
    stop = service.stop;
    // The engine swaps just before the store is written: wait for the log entry.
    await expect
      .poll(async () => (await world.manager.log())[0], { timeout: 10_000 })
      .toMatchObject({ action: "refresh", actor: { platform: "schedule" } });
    expect(await reserveQuotes()).toContain("fourteen days");
  });
});
