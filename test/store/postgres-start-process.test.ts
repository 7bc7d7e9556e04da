import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeTelegramApi, startFakeTelegramApi } from "../fakes/fake-telegram-api.ts";
import { privateChat, textMessage, user } from "../fakes/telegram-updates.ts";
import { startBotProcess, timeToExit } from "../support/bot-process.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("npm start with DATABASE_URL", () => {
  it("keeps Telegram's rate limits and follow-up context in PostgreSQL, and never logs the password", async () => {
    const fake: FakeTelegramApi = await startFakeTelegramApi();
    cleanups.push(() => fake.close());
    const bot = await startBotProcess({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: database.url,
      SHUTDOWN_TIMEOUT_SECONDS: "3",
    });
    cleanups.push(() => bot.close());
    const gina = user(911, "Gina");
    await fake.waitFor((r) => r.method === "getUpdates", { timeoutMs: 60_000, what: "polling" });
    fake.pushUpdate(
      textMessage({ chat: privateChat(gina), from: gina, text: "What did Lavrov say?" }),
    );
    await fake.waitFor((r) => r.method === "sendMessage", { timeoutMs: 30_000, what: "answer" });

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const followUps = await client.query("SELECT chat_key, speaker FROM follow_ups");
      expect(followUps.rows).toEqual([{ chat_key: "telegram:911", speaker: "Sergey Lavrov" }]);
      const limits = await client.query(
        "SELECT name, key, cardinality(uses) AS n FROM rate_limits",
      );
      expect(limits.rows).toEqual([{ name: "telegram", key: "telegram:911", n: 1 }]);
    } finally {
      await client.end();
    }
    expect(await timeToExit(bot, 5_000)).not.toBeNull();
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).not.toContain(new URL(database.url).password);
  }, 90_000);

  it("stops at start-up with one sentence when the database cannot be reached", async () => {
    const bot = await startBotProcess({
      DATABASE_URL: "postgres://bot:s3cret-pass@127.0.0.1:1/news",
    });
    cleanups.push(() => bot.close());
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toBe(
      "Could not connect to PostgreSQL at postgres://bot:***@127.0.0.1:1/news: nothing is listening there (is the server running, and on that port?); check DATABASE_URL.\n",
    );
  }, 60_000);
});
