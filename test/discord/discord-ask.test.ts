import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/index.ts";
import {
  ALICE,
  AUTOCOMPLETE_RESULT,
  BOB,
  CAROL,
  DEFER_REPLY,
  EPHEMERAL,
  type Harness,
  isCallback,
  isEditOriginal,
  REPLY,
  startHarness,
} from "./discord-harness.ts";
import {
  limitViolations,
  links,
  markupViolations,
  visibleText,
  type WireMessage,
} from "./discord-message-checks.ts";
import { loadRealEngine } from "./real-engine.ts";

let engine: Engine;
let h: Harness;

beforeAll(async () => {
  engine = await loadRealEngine();
  h = await startHarness(engine);
});
afterAll(async () => {
  await h?.close();
});

const askAs = (question: string, user = ALICE, dm = false) =>
  h.fake.command("ask", [{ name: "question", value: question }], { user, dm });

describe("/ask through discord.js and the fake Discord", () => {
  it("logs in with only the Guilds intent, and keeps the gateway alive with heartbeats", async () => {
    expect(h.fake.identifies.map((i) => i.intents)).toEqual([1]);
    await h.fake.waitFor(() => h.fake.heartbeats >= 1, "a heartbeat");
  });

  it("defers first, then edits in the engine's answer as embeds", async () => {
    const question = "What did Ushakov say about negotiations?";
    const expected = await engine.ask(question);
    expect(expected.status).toBe("answered");

    const interaction = askAs(question);
    const message = await h.answerOf(interaction);
    const requests = h.fake.requestsFor(interaction);
    expect(requests[0]).toMatchObject({ method: "POST", body: { type: DEFER_REPLY } });
    expect(requests[0]?.body.data?.flags ?? 0).toBe(0);
    expect(requests.filter(isCallback)).toHaveLength(1);
    expect(requests.slice(1).every(isEditOriginal)).toBe(true);

    const edit = requests.find(isEditOriginal)?.body as WireMessage;
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(edit)).toEqual([]);
    expect(markupViolations(edit)).toEqual([]);
    expect(message.embeds).toHaveLength(expected.quotes.length);
    const visible = visibleText(edit);
    for (const quote of expected.quotes) {
      expect(visible).toContain(quote.text);
      expect(links(edit)).toContain(quote.link);
    }
    expect(visible).toContain(question);
  });

  it("escapes what people type and pings nobody", async () => {
    const question = "What did @everyone and <@1600000000000000002> say about **Kursk** ||talks||?";
    const interaction = askAs(question);
    await h.answerOf(interaction);
    const edit = h.fake.requestsFor(interaction).find(isEditOriginal)?.body as WireMessage;
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(markupViolations(edit)).toEqual([]);
    expect(edit.content).not.toMatch(/(?<!\\)<@/);
    expect(edit.content).not.toContain("@everyone");
    // Shown literally, as typed, whether answered or echoed in a not-found reason.
    expect(visibleText(edit)).toContain("@everyone");
    expect(visibleText(edit)).toContain("<@1600000000000000002>");
  });

  it("answers a question the corpus cannot answer in plain words, without embeds", async () => {
    const question = "What about bananas in Peru?";
    const expected = await engine.ask(question);
    expect(expected.status).toBe("not_found");
    const message = await h.answerOf(askAs(question));
    expect(message.embeds).toEqual([]);
    expect(visibleText(message)).toBe(expected.reason);
  });

  it("works in a direct message, where the interaction carries a user and no member", async () => {
    const interaction = askAs("What did Zelensky say?", CAROL, true);
    const message = await h.answerOf(interaction);
    expect(h.fake.requestsFor(interaction)[0]?.body.type).toBe(DEFER_REPLY);
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.channel_id).not.toBe("1300000000000000002");
  });

  it("refuses an over-long question at once, privately, without deferring or asking the engine", async () => {
    const interaction = askAs("x".repeat(engine.maxQuestionLength + 1), BOB);
    const [reply] = await h.requestsWhen(interaction, (rs) => rs.length > 0, "the refusal");
    expect(reply?.body).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
    expect(reply?.body.data.content).toContain(String(engine.maxQuestionLength));
    expect(reply?.body.data.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("/quotes with autocomplete", () => {
  it("suggests speakers from the engine's index as the person types", async () => {
    const interaction = h.fake.command(
      "quotes",
      [{ name: "person", value: "ush", focused: true }],
      { user: ALICE, type: 4 },
    );
    const [callback] = await h.requestsWhen(interaction, (rs) => rs.length > 0, "choices");
    expect(callback?.body.type).toBe(AUTOCOMPLETE_RESULT);
    const choices = callback?.body.data.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toEqual(
      engine.suggestSpeakers("ush", 25).map((s) => s.name),
    );
    expect(choices[0]?.name).toContain("Yuri Ushakov");
  });

  it("offers the most quoted speakers before anything is typed, at most 25", async () => {
    const interaction = h.fake.command("quotes", [{ name: "person", value: "", focused: true }], {
      user: ALICE,
      type: 4,
    });
    const [callback] = await h.requestsWhen(interaction, (rs) => rs.length > 0, "choices");
    const choices = callback?.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]?.value).toBe(engine.speakers()[0]?.name);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it("quotes the chosen person", async () => {
    const interaction = h.fake.command("quotes", [{ name: "person", value: "Yuri Ushakov" }], {
      user: ALICE,
    });
    const message = await h.answerOf(interaction);
    expect(h.fake.requestsFor(interaction)[0]?.body.type).toBe(DEFER_REPLY);
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds[0].author.name).toMatch(/^Yuri Ushakov/);
  });
});

describe("/sources and /help", () => {
  it("lists the articles with links, privately", async () => {
    const interaction = h.fake.command("sources", [], { user: ALICE });
    const [reply] = await h.requestsWhen(interaction, (rs) => rs.length > 0, "sources");
    expect(reply?.body).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
    const data = reply?.body.data as WireMessage;
    expect(limitViolations(data)).toEqual([]);
    for (const article of engine.articles()) expect(links(data)).toContain(article.url);
    expect(visibleText(data)).toContain(engine.articles()[0]?.title);
  });

  it("says what the bot covers and how to ask, privately", async () => {
    const interaction = h.fake.command("help", [], { user: CAROL, dm: true });
    const [reply] = await h.requestsWhen(interaction, (rs) => rs.length > 0, "help");
    expect(reply?.body).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
    const text = visibleText(reply?.body.data);
    expect(text).toContain("/ask");
    expect(text).toContain("/quotes");
    expect(text).toContain(engine.describeCorpus());
    expect(String(reply?.body.data.content).length).toBeLessThanOrEqual(2000);
  });
});
