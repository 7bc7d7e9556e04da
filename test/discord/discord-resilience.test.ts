import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOMETHING_WENT_WRONG } from "../../adapters/discord/handle-interaction.ts";
import { AppError, type Engine } from "../../src/index.ts";
import { FakeDiscord } from "../fakes/fake-discord.ts";
import {
  ALICE,
  BOB,
  DEFER_REPLY,
  EPHEMERAL,
  type FaultyEngine,
  type Harness,
  isCallback,
  isDeleteOriginal,
  isEditOriginal,
  isFollowup,
  REPLY,
  startHarness,
  withFaults,
} from "./discord-harness.ts";
import { loadRealEngine } from "./real-engine.ts";

let real: Engine;
beforeAll(async () => {
  real = await loadRealEngine();
});

const askAs = (h: Harness, question: string, user = ALICE, extra: { expired?: boolean } = {}) =>
  h.fake.command("ask", [{ name: "question", value: question }], { user, ...extra });

describe("one error boundary", () => {
  let engine: FaultyEngine;
  let h: Harness;
  beforeAll(async () => {
    engine = withFaults(real);
    h = await startHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("when the engine throws: logs, tells the asker privately, and keeps serving", async () => {
    engine.throwOn.add("What did Putin say?");
    const failing = askAs(h, "What did Putin say?");
    const requests = await h.requestsWhen(failing, (rs) => rs.some(isFollowup), "the apology");
    expect(requests.map((r) => `${r.method} ${isCallback(r) ? r.body.type : ""}`)).toEqual([
      `POST ${DEFER_REPLY}`,
      "DELETE ",
      "POST ",
    ]);
    expect(requests.some(isDeleteOriginal)).toBe(true);
    expect(requests.find(isFollowup)?.body).toMatchObject({
      content: SOMETHING_WENT_WRONG,
      flags: EPHEMERAL,
      allowed_mentions: { parse: [] },
    });
    const logged = h.logs.entries.find((e) => e.msg === "Discord: handler failed");
    expect(logged?.level).toBe("error");
    expect(JSON.stringify(logged?.fields)).toContain("engine failure injected");

    const next = await h.answerOf(askAs(h, "What did Zelensky say?"));
    expect(next.embeds.length).toBeGreaterThan(0);
  });

  it("a question the engine refuses is answered privately, replacing the public deferral", async () => {
    const question = "What did they say?";
    const reason = "Ask about someone by name: who is *they*?";
    engine.answers.set(question, {
      status: "not_found",
      problem: "empty_question",
      question,
      text: reason,
      reason,
      quotes: [],
      mode: "extractive",
      speaker: null,
      moreQuotes: 0,
    });
    const interaction = askAs(h, question);
    const requests = await h.requestsWhen(interaction, (rs) => rs.some(isFollowup), "the reply");
    expect(requests[0]?.body.type).toBe(DEFER_REPLY);
    expect(requests.some(isDeleteOriginal)).toBe(true);
    expect(requests.find(isFollowup)?.body).toMatchObject({
      content: "Ask about someone by name: who is \\*they\\*?",
      flags: EPHEMERAL,
    });
  });

  it("when autocomplete throws: answers with no choices", async () => {
    engine.throwOn.add("boom");
    const interaction = h.fake.command(
      "quotes",
      [{ name: "person", value: "boom", focused: true }],
      {
        user: ALICE,
        type: 4,
      },
    );
    const [callback] = await h.requestsWhen(interaction, (rs) => rs.length > 0, "choices");
    expect(callback?.body).toEqual({ type: 8, data: { choices: [] } });
  });

  it("an expired interaction (10062 Unknown interaction) is logged, not fatal", async () => {
    const expired = askAs(h, "What did Lavrov say?", ALICE, { expired: true });
    await h.fake.waitFor(
      () =>
        h.logs.entries.find(
          (e) => e.fields.interactionId === expired.id && e.fields.code === 10062,
        ),
      "the expiry logged",
    );
    expect(h.fake.requestsFor(expired).map((r) => r.status)).toEqual([404]);
    const next = await h.answerOf(askAs(h, "What did Lavrov say?"));
    expect(next.embeds.length).toBeGreaterThan(0);
  });

  it("waits out a REST rate limit (429) as discord.js does, and delivers the answer", async () => {
    h.fake.rateLimitNext(/\/messages\/@original$/);
    const interaction = askAs(h, "What did Syrskyi say?");
    const message = await h.answerOf(interaction);
    expect(message.embeds.length).toBeGreaterThan(0);
    const edits = h.fake.requestsFor(interaction).filter(isEditOriginal);
    expect(edits.map((r) => r.status)).toEqual([429, 200]);
    expect(h.logs.entries.some((e) => e.msg.includes("rate limited"))).toBe(true);
  });

  it("reconnects when the gateway drops, and answers again", async () => {
    const before = h.fake.identifies.length;
    h.fake.dropConnections();
    await h.fake.waitFor(
      () => h.fake.identifies.length > before && h.fake.readySessions > 0,
      "a new IDENTIFY after the drop",
      30_000,
    );
    const message = await h.answerOf(askAs(h, "What did Medvedev say?"));
    expect(message.embeds.length).toBeGreaterThan(0);
  }, 45_000);

  it("never logs the bot token or an interaction token", async () => {
    const tokens = [h.fake.token, ...h.fake.requests.map((r) => r.path.split("/")[3] ?? "")];
    const logged = JSON.stringify(h.logs.entries);
    for (const token of tokens.filter((t) => t.length > 20)) expect(logged).not.toContain(token);
  });
});

describe("per-user question limit", () => {
  let engine: FaultyEngine;
  let h: Harness;
  beforeAll(async () => {
    engine = withFaults(real);
    h = await startHarness(engine, { DISCORD_RATE_LIMIT_PER_MINUTE: "2" });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("over the limit, tells the asker when to try again without asking the engine", async () => {
    await h.answerOf(askAs(h, "What did Putin say?"));
    await h.answerOf(askAs(h, "What did Lavrov say?"));
    const asked = engine.asked.length;
    const refused = askAs(h, "What did Zelensky say?");
    const [reply] = await h.requestsWhen(refused, (rs) => rs.length > 0, "the refusal");
    expect(reply?.body).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
    expect(reply?.body.data.content).toMatch(
      /at most 2 questions a minute\)\. Try again in \d+ seconds\./,
    );
    expect(engine.asked.length).toBe(asked);

    const other = await h.answerOf(askAs(h, "What did Zelensky say?", BOB));
    expect(other.embeds.length).toBeGreaterThan(0);
  });
});

describe("start and stop", () => {
  it("lets an answer in progress finish, then closes the gateway", async () => {
    const engine = withFaults(real);
    const h = await startHarness(engine);
    let release = () => {};
    engine.holds.set(
      "What did Menon say?",
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    const slow = askAs(h, "What did Menon say?");
    await h.requestsWhen(slow, (rs) => rs.length > 0, "the deferral");
    const closedBefore = h.fake.gatewayClosedAfter.length;
    const stopped = h.face.stop();
    // Time for a stop() that did not wait to close the gateway first. A correct stop()
    // passes whatever this delay is; it only gives a wrong one the chance to show.
    setTimeout(release, 200);
    await stopped;
    // The answer went out before the gateway connection closed: stop() drained it.
    const [edit] = h.fake.requestsFor(slow).filter(isEditOriginal);
    expect(edit?.status).toBe(200);
    await h.fake.waitFor(() => h.fake.gatewayClosedAfter.length > closedBefore, "the close");
    expect(edit?.seq).toBeLessThanOrEqual(h.fake.gatewayClosedAfter[closedBefore] as number);
    expect(h.fake.readySessions).toBe(0);
    await h.close();
  });

  it("fails with a message naming DISCORD_BOT_TOKEN when Discord rejects it", async () => {
    const fake = await FakeDiscord.start();
    try {
      const { startDiscord } = await import("../../adapters/discord/start-discord.ts");
      const { SILENT_LOGGER } = await import("../../src/index.ts");
      const error = await startDiscord({
        engine: real,
        logger: SILENT_LOGGER,
        feedback: { vote: async () => "recorded", votesFor: async () => ({ up: 0, down: 0 }) },
        config: {
          DISCORD_BOT_TOKEN: "wrong-token-wrong-token-wrong-token",
          DISCORD_API_BASE: fake.apiBase,
          DISCORD_MODERATOR_ROLE_IDS: [],
          DISCORD_RATE_LIMIT_PER_MINUTE: 5,
        },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("CONFIG_INVALID");
      expect((error as AppError).message).toContain("DISCORD_BOT_TOKEN");
      expect((error as AppError).message).not.toContain("wrong-token");
    } finally {
      await fake.close();
    }
  });
});
