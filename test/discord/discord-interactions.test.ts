import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordConfigSchema } from "../../adapters/discord/discord-config.ts";
import { REFUSAL } from "../../adapters/discord/handle-corpus-command.ts";
import { SOMETHING_WENT_WRONG } from "../../adapters/discord/handle-interaction.ts";
import {
  type DiscordInteractionsFace,
  startDiscordInteractions,
} from "../../adapters/discord/start-discord-interactions.ts";
import { IN_MEMORY_STATE, openLowdbFeedbackStore, parseConfig } from "../../src/index.ts";
import { FakeDiscord, type FakeMessage } from "../fakes/fake-discord.ts";
import { FakeDiscordSender } from "../fakes/fake-discord-http.ts";
import {
  ALICE,
  AUTOCOMPLETE_RESULT,
  BOB,
  customIds,
  DEFER_REPLY,
  DEFER_UPDATE,
  EPHEMERAL,
  type FaultyEngine,
  isCallback,
  isDeleteOriginal,
  isEditOriginal,
  isFollowup,
  REPLY,
  requestsWhen,
  withFaults,
} from "./discord-harness.ts";
import {
  limitViolations,
  markupViolations,
  unescapeMarkdown,
  visibleText,
} from "./discord-message-checks.ts";
import { loadRealEngine } from "./real-engine.ts";
import { createRecordingLogger } from "./recording-logger.ts";

const MODERATOR_ROLE = "1700000000000000001";
const PONG = 1;

let engine: FaultyEngine;
let fake: FakeDiscord;
let discord: FakeDiscordSender;
let face: DiscordInteractionsFace;
let url: string;
let dataDir: string;
const logs = createRecordingLogger();

beforeAll(async () => {
  engine = withFaults(await loadRealEngine());
  dataDir = await mkdtemp(path.join(tmpdir(), "discord-http-"));
  fake = await FakeDiscord.start();
  discord = new FakeDiscordSender(fake);
  const config = parseConfig(DiscordConfigSchema, {
    DISCORD_PUBLIC_KEY: discord.publicKey,
    DISCORD_INTERACTIONS_PORT: "0",
    DISCORD_INTERACTIONS_HOST: "127.0.0.1",
    DISCORD_API_BASE: fake.apiBase,
    DISCORD_MODERATOR_ROLE_IDS: MODERATOR_ROLE,
    DISCORD_RATE_LIMIT_PER_MINUTE: "600",
  });
  face = await startDiscordInteractions({
    engine,
    config,
    logger: logs,
    feedback: await openLowdbFeedbackStore({ dataDir }),
  });
  url = `http://127.0.0.1:${face.address.port}/interactions`;
});
afterAll(async () => {
  await face?.stop();
  await fake?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function askOverHttp(question: string, user = ALICE) {
  const interaction = fake.commandRequest("ask", [{ name: "question", value: question }], { user });
  const delivery = await discord.deliver(url, interaction);
  const requests = await requestsWhen(
    fake,
    interaction,
    (rs) => rs.some((r) => isEditOriginal(r) && r.status === 200),
    "the answer edited in",
  );
  const message = [...fake.messages.values()].find(
    (m) => m.token === interaction.token && m.flags === 0,
  ) as FakeMessage;
  return { interaction, delivery, requests, message };
}

describe("Discord interactions endpoint: signatures", () => {
  it("answers Discord's PING with PONG", async () => {
    const delivery = await discord.post(url, { id: "1", type: 1, version: 1 });
    expect(delivery).toEqual({ status: 200, body: { type: PONG } });
  });

  it("refuses with 401 what Discord did not sign, and answers none of it", async () => {
    const interaction = fake.commandRequest("help", [], { user: ALICE });
    const body = JSON.stringify(interaction.payload);
    const otherKey = generateKeyPairSync("ed25519").privateKey;
    const now = String(Math.floor(Date.now() / 1000));
    const signedByOther = sign(null, Buffer.from(now + body), otherKey).toString("hex");
    const valid = discord.signedHeaders(body);
    const attempts: Record<string, string>[] = [
      {},
      { "x-signature-timestamp": now },
      { "x-signature-ed25519": valid["x-signature-ed25519"] as string },
      { "x-signature-ed25519": signedByOther, "x-signature-timestamp": now },
      { "x-signature-ed25519": "zz", "x-signature-timestamp": now },
      // Discord's own signature, on another timestamp than it signed.
      { ...valid, "x-signature-timestamp": String(Number(now) + 1) },
    ];
    for (const headers of attempts) {
      const delivery = await discord.post(url, null, { body, headers });
      expect(delivery.status, JSON.stringify(Object.keys(headers))).toBe(401);
    }
    // Signed, but the body changed on the way.
    const tampered = await discord.post(url, null, {
      body: body.replace('"help"', '"add"'),
      headers: valid,
    });
    expect(tampered.status).toBe(401);
    // A real signature replayed ten minutes later.
    const old = Math.floor(Date.now() / 1000) - 600;
    const replayed = await discord.post(url, null, {
      body,
      headers: discord.signedHeaders(body, old),
    });
    expect(replayed.status).toBe(401);
    expect(fake.requestsFor(interaction)).toEqual([]);
    expect(logs.entries.some((r) => r.msg.includes("timestamp is more than 5 minutes"))).toBe(true);
  });

  it("answers 400 to a signed body that is not an interaction, and 404/405 elsewhere", async () => {
    expect((await discord.post(url, null, { body: "not json" })).status).toBe(400);
    expect((await discord.post(url, { hello: "world" })).status).toBe(400);
    // Signed, with an interaction's id and type, but not the fields discord.js needs.
    const shapeless = { id: "1", type: 2, token: "t", application_id: fake.applicationId };
    expect((await discord.post(url, shapeless)).status).toBe(400);
    expect(
      logs.entries.some((e) => e.msg === "Discord: an interaction discord.js could not read"),
    ).toBe(true);
    const base = `http://127.0.0.1:${face.address.port}`;
    expect((await fetch(`${base}/elsewhere`, { method: "POST" })).status).toBe(404);
    expect((await fetch(url)).status).toBe(405);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ faces: { discord: "ready" } });
  });
});

describe("Discord interactions endpoint: the gateway face's commands over HTTP", () => {
  it("defers /ask in the HTTP answer, then edits the answer in through the REST API", async () => {
    const question = "What did Zelensky say?";
    const expected = await engine.ask(question);
    const { delivery, requests, message } = await askOverHttp(question);
    expect(delivery).toEqual({ status: 200, body: { type: DEFER_REPLY, data: { flags: 0 } } });
    // The deferral was the HTTP answer; nothing went to Discord's callback endpoint.
    expect(requests.filter(isCallback).map((r) => r.inline)).toEqual([true]);
    const edit = requests.find(isEditOriginal);
    expect(edit?.path).toMatch(
      new RegExp(`^/webhooks/${fake.applicationId}/[^/]+/messages/@original$`),
    );
    expect(edit?.authorization).toBeUndefined();
    expect(limitViolations(edit?.body)).toEqual([]);
    expect(markupViolations(edit?.body)).toEqual([]);
    const shown = visibleText(edit?.body);
    for (const quote of expected.quotes) expect(shown).toContain(quote.text);
    expect(customIds(message)).toEqual([
      expect.stringMatching(/^more:/),
      expect.stringMatching(/^vote:.+:up$/),
      expect.stringMatching(/^vote:.+:down$/),
    ]);
  });

  it("answers /help at once in the HTTP answer, privately", async () => {
    const interaction = fake.commandRequest("help", [], { user: BOB });
    const delivery = await discord.deliver(url, interaction);
    expect(delivery.status).toBe(200);
    expect(delivery.body).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
    expect(delivery.body.data.content).toContain("/ask");
    expect(delivery.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("handles the answer's buttons: More quotes and a vote", async () => {
    const question = "What did Zelensky say?";
    const first = await engine.ask(question);
    const all = await engine.ask(question, { maxQuotes: 10 });
    const { message } = await askOverHttp(question);
    const more = customIds(message).find((id) => id.startsWith("more:")) as string;

    const click = fake.clickRequest(message, more, { user: BOB });
    const delivery = await discord.deliver(url, click);
    expect(delivery.body).toEqual({ type: DEFER_UPDATE });
    const requests = await requestsWhen(
      fake,
      click,
      (rs) => rs.some(isFollowup) && rs.some(isEditOriginal),
      "the next page and the clicked message's buttons",
    );
    const shown = visibleText(requests.find(isFollowup)?.body);
    const next = all.quotes[first.quotes.length];
    expect(next).toBeDefined();
    expect(shown).toContain(next?.text);
    expect(customIds(message).some((id) => id.startsWith("more:"))).toBe(false);

    const up = customIds(message).find((id) => id.endsWith(":up")) as string;
    const vote = fake.clickRequest(message, up, { user: BOB });
    const voted = await discord.deliver(url, vote);
    expect(voted.body).toEqual({ type: DEFER_REPLY, data: { flags: EPHEMERAL } });
    const [, edit] = await requestsWhen(fake, vote, (rs) => rs.some(isEditOriginal), "the thanks");
    expect(edit?.body.content).toBe("Thanks, your 👍 is recorded.");
  });

  it("answers autocomplete with the speakers matching what was typed", async () => {
    const interaction = fake.commandRequest(
      "quotes",
      [{ name: "person", value: "zel", focused: true }],
      { user: ALICE, type: 4 },
    );
    const delivery = await discord.deliver(url, interaction);
    expect(delivery.body.type).toBe(AUTOCOMPLETE_RESULT);
    const values = (delivery.body.data.choices as { value: string }[]).map((c) => c.value);
    expect(values).toContain(engine.suggestSpeakers("zel", 25)[0]?.name);
    expect(values.every((v) => /zel/i.test(v))).toBe(true);
  });

  it("refuses a moderator command to a member without a moderator role, by the payload's roles", async () => {
    const asMember = fake.commandRequest("refresh", [], { user: BOB });
    const refused = await discord.deliver(url, asMember);
    expect(refused.body).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
    expect(unescapeMarkdown(refused.body.data.content)).toBe(REFUSAL);
    // With the role, the check passes (this bot has no corpus manager, so it says so).
    const asModerator = fake.commandRequest("refresh", [], {
      user: ALICE,
      roles: [MODERATOR_ROLE],
    });
    const allowed = await discord.deliver(url, asModerator);
    expect(allowed.body.data.content).toContain("not available");
    expect(allowed.body.data.content).not.toBe(refused.body.data.content);
  });
});

describe("Discord interactions endpoint: failures", () => {
  it("tells the asker privately when answering fails after the deferral, and keeps serving", async () => {
    const question = "What did Zelensky say about failures?";
    engine.throwOn.add(question);
    const interaction = fake.commandRequest("ask", [{ name: "question", value: question }], {
      user: ALICE,
    });
    expect((await discord.deliver(url, interaction)).body.type).toBe(DEFER_REPLY);
    const requests = await requestsWhen(
      fake,
      interaction,
      (rs) => rs.some(isDeleteOriginal) && rs.some(isFollowup),
      "the public deferral replaced by a private message",
    );
    const followup = requests.find(isFollowup);
    expect(followup?.body.flags).toBe(EPHEMERAL);
    expect(unescapeMarkdown(followup?.body.content)).toBe(SOMETHING_WENT_WRONG);
    expect(logs.entries.some((e) => e.msg === "Discord: handler failed")).toBe(true);
    expect((await askOverHttp("What did Zelensky say?")).message.embeds.length).toBeGreaterThan(0);
  });

  it("answers an interaction it has no handler for with an error status, not silence", async () => {
    // A select menu: discord.js knows it, the bot has no handler, so no response is made.
    const menu = fake.commandRequest("help", [], { user: ALICE });
    const select = {
      ...menu.payload,
      type: 3,
      data: { custom_id: "pick", component_type: 3, values: ["a"] },
      message: { id: "1", channel_id: "1", content: "", embeds: [], components: [] },
    };
    expect((await discord.post(url, select)).status).toBe(500);
    // A kind of interaction discord.js does not know at all.
    expect((await discord.post(url, { ...menu.payload, type: 99 })).status).toBe(400);
    expect(logs.entries.some((e) => e.msg === "Discord: an interaction got no response")).toBe(
      true,
    );
  });

  it("logs an interaction whose request Discord closed before the answer as expired, and goes on", async () => {
    // The per-user limit waits (a slow shared store) until Discord has given up.
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const slowLogs = createRecordingLogger();
    const slow = await startDiscordInteractions({
      engine,
      config: parseConfig(DiscordConfigSchema, {
        DISCORD_PUBLIC_KEY: discord.publicKey,
        DISCORD_INTERACTIONS_PORT: "0",
        DISCORD_INTERACTIONS_HOST: "127.0.0.1",
        DISCORD_API_BASE: fake.apiBase,
      }),
      logger: slowLogs,
      feedback: await openLowdbFeedbackStore({ dataDir }),
      state: {
        ...IN_MEMORY_STATE,
        rateLimiter: () => ({
          take: async () => {
            await gate;
            return { allowed: true };
          },
        }),
      },
    });
    try {
      const interaction = fake.commandRequest(
        "ask",
        [{ name: "question", value: "What did Zelensky say?" }],
        { user: ALICE },
      );
      const body = JSON.stringify(interaction.payload);
      const abort = new AbortController();
      const posted = fetch(`http://127.0.0.1:${slow.address.port}/interactions`, {
        method: "POST",
        headers: { "content-type": "application/json", ...discord.signedHeaders(body) },
        body,
        signal: abort.signal,
      }).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 100));
      abort.abort();
      await posted;
      await new Promise((resolve) => setTimeout(resolve, 50));
      open();
      // Logs are not events the fake sees: polled.
      const expired = await until(() => slowLogs.entries.find((e) => e.fields.code === 10062));
      expect(expired?.level).toBe("warn");
      expect(slowLogs.entries.some((e) => e.level === "error")).toBe(false);
      // Nothing reached Discord for it: no edit of a response that never was.
      expect(fake.requestsFor(interaction)).toEqual([]);
      expect(JSON.stringify(slowLogs.entries)).not.toContain(interaction.token);
    } finally {
      await slow.stop();
    }
  });

  it("on stop, finishes the answer in progress and takes no new request", async () => {
    const question = "What did Zelensky say while stopping?";
    let release = () => {};
    engine.holds.set(
      question,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    const stopping = await startDiscordInteractions({
      engine,
      config: parseConfig(DiscordConfigSchema, {
        DISCORD_PUBLIC_KEY: discord.publicKey,
        DISCORD_INTERACTIONS_PORT: "0",
        DISCORD_INTERACTIONS_HOST: "127.0.0.1",
        DISCORD_API_BASE: fake.apiBase,
      }),
      logger: createRecordingLogger(),
      feedback: await openLowdbFeedbackStore({ dataDir }),
      drainTimeoutMs: 10_000,
    });
    const endpoint = `http://127.0.0.1:${stopping.address.port}/interactions`;
    const interaction = fake.commandRequest("ask", [{ name: "question", value: question }], {
      user: ALICE,
    });
    expect((await discord.deliver(endpoint, interaction)).body.type).toBe(DEFER_REPLY);
    await until(() => (engine.asked.includes(question) ? true : undefined));
    const stopped = stopping.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(discord.post(endpoint, { id: "1", type: 1 })).rejects.toThrow();
    release();
    await stopped;
    const edits = fake.requestsFor(interaction).filter(isEditOriginal);
    expect(edits.map((r) => r.status)).toEqual([200]);
  });
});

async function until<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
