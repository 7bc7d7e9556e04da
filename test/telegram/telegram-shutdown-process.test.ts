import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegramApi, startFakeTelegramApi } from "../fakes/fake-telegram-api.ts";
import { privateChat, textMessage, user } from "../fakes/telegram-updates.ts";
import { type BotProcess, startBotProcess, timeToExit } from "../support/bot-process.ts";

/** Short, so the test is quick; the default is 10 s. */
const SHUTDOWN_TIMEOUT_SECONDS = 3;
/** Signal delivery, logging, process teardown. */
const MARGIN_MS = 2_000;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startTelegramBot(fake: FakeTelegramApi): Promise<BotProcess> {
  const bot = await startBotProcess({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
  });
  cleanups.push(() => bot.close());
  return bot;
}

describe("npm start with Telegram: a stop is bounded whatever the network does", () => {
  it("exits within SHUTDOWN_TIMEOUT_SECONDS when the Bot API's port is closed at SIGTERM", async () => {
    const fake = await startFakeTelegramApi();
    cleanups.push(() => fake.close());
    const bot = await startTelegramBot(fake);
    const gina = user(909, "Gina");
    await fake.waitFor((r) => r.method === "getUpdates", { timeoutMs: 60_000, what: "polling" });
    fake.pushUpdate(
      textMessage({ chat: privateChat(gina), from: gina, text: "What did Lavrov say?" }),
    );
    await fake.waitFor((r) => r.method === "sendMessage", {
      timeoutMs: 30_000,
      what: "the answer",
    });

    await fake.close(); // Telegram gone: connections refused from now on.
    const took = await timeToExit(bot, SHUTDOWN_TIMEOUT_SECONDS * 1000 + MARGIN_MS);
    expect(took, `still running; stderr:\n${bot.stderr()}`).not.toBeNull();
    expect(bot.stderr()).not.toContain(fake.token);
    expect(bot.stderr()).not.toContain(fake.token.split(":")[1]);
  }, 90_000);

  it("exits within SHUTDOWN_TIMEOUT_SECONDS, non-zero, when the Bot API stops answering mid-answer", async () => {
    const fake = await startFakeTelegramApi();
    cleanups.push(() => fake.close());
    const bot = await startTelegramBot(fake);
    const gina = user(910, "Gina");
    await fake.waitFor((r) => r.method === "getUpdates", { timeoutMs: 60_000, what: "polling" });
    // The answer is in progress and its sendMessage never returns; then nothing answers.
    fake.hang(["sendMessage"]);
    const at = fake.mark();
    fake.pushUpdate(
      textMessage({ chat: privateChat(gina), from: gina, text: "What did Lavrov say?" }),
    );
    await fake.waitFor((r) => r.method === "sendMessage", { after: at, timeoutMs: 30_000 });
    fake.hang();

    const took = await timeToExit(bot, SHUTDOWN_TIMEOUT_SECONDS * 1000 + MARGIN_MS);
    expect(took, `still running; stderr:\n${bot.stderr()}`).not.toBeNull();
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain("could not stop within SHUTDOWN_TIMEOUT_SECONDS");
    expect(bot.stderr()).not.toContain(fake.token.split(":")[1]);
  }, 90_000);

  it("stops at once with code 0 when nothing is in progress and Telegram answers", async () => {
    const fake = await startFakeTelegramApi();
    cleanups.push(() => fake.close());
    const bot = await startTelegramBot(fake);
    await fake.waitFor((r) => r.method === "getUpdates", { timeoutMs: 60_000, what: "polling" });
    const took = await timeToExit(bot, SHUTDOWN_TIMEOUT_SECONDS * 1000 + MARGIN_MS);
    expect(took).not.toBeNull();
    expect(took!).toBeLessThan(SHUTDOWN_TIMEOUT_SECONDS * 1000);
    expect(await bot.exited).toBe(0);
  }, 90_000);

  it("stops by itself with code 1 when long polling dies (409: another instance polls)", async () => {
    const fake = await startFakeTelegramApi();
    cleanups.push(() => fake.close());
    const bot = await startTelegramBot(fake);
    await fake.waitFor((r) => r.method === "getUpdates", { timeoutMs: 60_000, what: "polling" });
    fake.fail(
      "getUpdates",
      { error_code: 409, description: "Conflict: terminated by other getUpdates request" },
      { times: 1_000 },
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"still running">((resolve) => {
      timer = setTimeout(() => resolve("still running"), SHUTDOWN_TIMEOUT_SECONDS * 1000 + 5_000);
    });
    const code = await Promise.race([bot.exited, late]);
    clearTimeout(timer);
    expect(code, bot.stderr()).toBe(1);
    expect(bot.stderr()).toContain("another instance polls with this token");
  }, 90_000);
});
