import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/fake-discord.ts";
import { type BotProcess, startBotProcess, timeToExit } from "../support/bot-process.ts";
import { ALICE } from "./discord-harness.ts";

const SHUTDOWN_TIMEOUT_SECONDS = 3;
const MARGIN_MS = 2_000;

let fake: FakeDiscord;
let bot: BotProcess | undefined;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await bot?.close();
  await fake?.close();
});

it("npm start with Discord exits within SHUTDOWN_TIMEOUT_SECONDS when Discord stops answering mid-answer", async () => {
  bot = await startBotProcess({
    DISCORD_BOT_TOKEN: fake.token,
    DISCORD_API_BASE: fake.apiBase,
    SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
  });
  await fake.waitFor(() => fake.readySessions > 0, "the bot process to log in", 60_000);
  // An answer in progress whose reply never gets through; then Discord is gone.
  fake.hangRequests(/^\/(interactions|webhooks)\//);
  const interaction = fake.command("ask", [{ name: "question", value: "What did Lavrov say?" }], {
    user: ALICE,
  });
  await fake.waitFor(() => fake.requestsFor(interaction).length > 0, "the answer to start", 30_000);
  await fake.close();
  const took = await timeToExit(bot, SHUTDOWN_TIMEOUT_SECONDS * 1000 + MARGIN_MS);
  expect(took, bot.stderr()).not.toBeNull();
  expect(bot.stderr()).not.toContain(fake.token);
}, 90_000);
