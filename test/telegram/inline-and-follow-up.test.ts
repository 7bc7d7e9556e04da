import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INLINE_RESULTS } from "../../adapters/telegram/answer-inline-query.ts";
import { inlineQuery, privateChat, textMessage, user } from "../fakes/telegram-updates.ts";
import { type Harness, startHarness, testEngine } from "./telegram-harness.ts";
import { readTelegramHtml } from "./telegram-html.ts";

interface InlineResult {
  type: string;
  id: string;
  title: string;
  input_message_content: { message_text: string; parse_mode?: string };
}

describe("telegram: inline mode", () => {
  let h: Harness;
  const carol = user(303, "Carol");

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("offers one result per quote; each sends the formatted quote with its source", async () => {
    const update = inlineQuery(carol, "What did Ushakov say?");
    const after = h.push(update);
    const answered = await h.fake.waitFor((r) => r.method === "answerInlineQuery", { after });
    expect(answered.params.inline_query_id).toBe(update.inline_query.id);
    expect(h.spy.calls.at(-1)?.options?.maxQuotes).toBe(INLINE_RESULTS);
    const results = answered.params.results as InlineResult[];
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    for (const result of results) {
      expect(result.type).toBe("article");
      expect(result.input_message_content.parse_mode).toBe("HTML");
      const html = readTelegramHtml(result.input_message_content.message_text);
      expect(html.violations).toEqual([]);
      expect(html.text).toMatch(/¶\d+/);
      expect(html.links.some((link) => link.includes("#:~:text="))).toBe(true);
    }
    const all = results.map((r) => readTelegramHtml(r.input_message_content.message_text).text);
    expect(all.join("\n")).toContain(
      "entering the negotiation process would be entirely inappropriate",
    );
  });

  it("answers an empty query with a hint and no results", async () => {
    const after = h.push(inlineQuery(carol, "   "));
    const answered = await h.fake.waitFor((r) => r.method === "answerInlineQuery", { after });
    expect(answered.params.results).toEqual([]);
    expect(answered.params.button).toMatchObject({ start_parameter: "help" });
  });
});

describe("telegram: follow-ups in context", () => {
  let h: Harness;
  let clock = 1_000_000;
  const dave = user(404, "Dave");
  const chat = privateChat(dave);

  beforeAll(async () => {
    h = await startHarness({ now: () => clock });
  });
  afterAll(async () => {
    await h.close();
  });

  /** Sends a question in Dave's chat and returns the visible text of the whole reply. */
  async function ask(text: string): Promise<string> {
    const after = h.push(textMessage({ chat, from: dave, text }));
    return readTelegramHtml(String((await h.reply(chat.id, after)).params.text)).text;
  }

  it("resolves “what else did he say?” to the speaker of the previous answer", async () => {
    const first = await ask("What did Putin say?");
    expect(h.spy.calls.at(-1)?.options?.context).toBeUndefined();
    const firstQuotes = (await (await testEngine()).ask("What did Putin say?")).quotes;
    expect(firstQuotes.length).toBeGreaterThan(0);
    for (const q of firstQuotes) expect(first).toContain(q.text);

    const second = await ask("What else did he say?");
    const context = h.spy.calls.at(-1)?.options?.context;
    expect(context?.speaker).toBe("Vladimir Putin");
    expect(context?.seen).toEqual(
      firstQuotes.map((q) => ({
        articleId: q.source.articleId,
        paragraph: q.source.paragraph,
        start: q.start,
      })),
    );
    // New words from Putin, none of those already shown.
    expect(second).toContain("Vladimir Putin");
    for (const q of firstQuotes) expect(second).not.toContain(q.text);
    // His own words came first; the reported speech follows.
    expect(second).toContain("As recently as June 7, Russian President Vladimir Putin stated");
  });

  it("follows up on Ushakov with Ushakov, saying when that was all", async () => {
    const first = await ask("What did Ushakov say?");
    expect(first).toContain("entering the negotiation process would be entirely inappropriate");
    const second = await ask("What else did he say?");
    expect(h.spy.calls.at(-1)?.options?.context?.speaker).toBe("Yuri Ushakov");
    expect(second).toContain("Yuri Ushakov");
    expect(second).not.toContain(
      "entering the negotiation process would be entirely inappropriate",
    );
  });

  it("forgets the context after it expires", async () => {
    clock += 11 * 60_000;
    const after = h.push(textMessage({ chat, from: dave, text: "What else did he say?" }));
    await h.reply(chat.id, after);
    expect(h.spy.calls.at(-1)?.options?.context).toBeUndefined();
  });

  it("keeps each chat's context to itself", async () => {
    const erin = user(505, "Erin");
    let after = h.push(textMessage({ chat, from: dave, text: "What did Lavrov say?" }));
    await h.reply(chat.id, after);
    after = h.push(textMessage({ chat: privateChat(erin), from: erin, text: "What else?" }));
    await h.reply(erin.id, after);
    expect(h.spy.calls.at(-1)?.options?.context).toBeUndefined();
  });
});
