import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeDiscord, type FakeMessage } from "../fakes/fake-discord.ts";
import { FakeDiscordSender } from "../fakes/fake-discord-http.ts";
import { type BotProcess, startBotProcess } from "../support/bot-process.ts";
import { ALICE, DEFER_REPLY, isEditOriginal } from "./discord-harness.ts";

let fake: FakeDiscord;
let bot: BotProcess | undefined;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await bot?.close();
  await fake?.close();
});

it("npm start serves Discord over HTTP with DISCORD_INTERACTIONS_PORT, without logging in, and stops cleanly", async () => {
  const discord = new FakeDiscordSender(fake);
  bot = await startBotProcess({
    DISCORD_PUBLIC_KEY: discord.publicKey,
    DISCORD_INTERACTIONS_PORT: "0",
    DISCORD_INTERACTIONS_HOST: "127.0.0.1",
    DISCORD_API_BASE: fake.apiBase,
    LOG_FORMAT: "json",
  });
  const running = bot;
  const port = await listeningPort(running);
  const base = `http://127.0.0.1:${port}`;
  expect((await discord.post(`${base}/interactions`, { id: "1", type: 1 })).body).toEqual({
    type: 1,
  });
  const health = await fetch(`${base}/healthz`);
  expect(await health.json()).toMatchObject({ status: "serving", faces: { discord: "ready" } });

  const interaction = fake.commandRequest(
    "ask",
    [{ name: "question", value: "What did Lavrov say?" }],
    { user: ALICE },
  );
  const delivery = await discord.deliver(`${base}/interactions`, interaction);
  expect(delivery.body.type).toBe(DEFER_REPLY);
  await fake.waitFor(
    () => fake.requestsFor(interaction).some((r) => isEditOriginal(r) && r.status === 200),
    "the answer",
    30_000,
  );
  const answer = [...fake.messages.values()].find(
    (m: FakeMessage) => m.token === interaction.token,
  );
  expect(answer?.embeds.length).toBeGreaterThan(0);

  running.child.kill("SIGTERM");
  expect(await running.exited).toBe(0);
  expect(running.stderr()).toContain("Discord: interactions endpoint closed");
  expect(running.stderr()).not.toContain(interaction.token);
  // No gateway session, no bot token needed: nothing asked for the gateway.
  expect(fake.readySessions).toBe(0);
  expect(fake.requests.some((r) => r.path === "/gateway/bot")).toBe(false);
}, 90_000);

/** The port the child logged; stderr is not an event the fake sees, so it is polled. */
async function listeningPort(running: BotProcess): Promise<number> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const line = running
      .stderr()
      .split("\n")
      .find((l) => l.includes("interactions endpoint listening"));
    if (line) return (JSON.parse(line) as { port: number }).port;
    if (running.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the endpoint did not start listening:\n${running.stderr()}`);
}
