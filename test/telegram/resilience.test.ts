import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APOLOGY } from "../../adapters/telegram/handle-bot-error.ts";
import { TELEGRAM_MESSAGE_LIMIT } from "../../adapters/telegram/telegram-message.ts";
import type { Answer } from "../../src/index.ts";
import { hostileAnswers } from "../contract/renderer-contract.ts";
import { FAKE_TOKEN } from "../fakes/fake-telegram-api.ts";
import { groupChat, privateChat, textMessage, user } from "../fakes/telegram-updates.ts";
import { type Harness, startHarness } from "./telegram-harness.ts";
import { readTelegramHtml } from "./telegram-html.ts";

const [markupAnswer, manyQuotesAnswer] = hostileAnswers() as [Answer, Answer, Answer];

describe("telegram: formatting, failures and limits", () => {
  let h: Harness;
  let clock = 5_000_000;
  let nextUser = 600;
  const fresh = () => {
    const u = user(nextUser++);
    return { u, chat: privateChat(u) };
  };

  beforeAll(async () => {
    h = await startHarness({ env: { TELEGRAM_RATE_LIMIT_PER_MINUTE: "3" }, now: () => clock });
    h.spy.override((q) => (q.includes("markup please") ? markupAnswer : undefined));
    h.spy.override((q) => (q.includes("everything please") ? manyQuotesAnswer : undefined));
    h.spy.override((q) => (q.includes("explode") ? new Error("engine exploded") : undefined));
  });
  afterAll(async () => {
    await h.close();
  });

  it("escapes a question with <script> and & and every quote, producing only valid HTML", async () => {
    const { u, chat } = fresh();
    const question = "What did <script>alert('x')</script> & co say? markup please";
    const after = h.push(textMessage({ chat, from: u, text: question }));
    const lastQuote = markupAnswer.quotes.at(-1)?.text ?? "";
    await h.fake.waitFor(
      (r) =>
        r.method === "sendMessage" &&
        readTelegramHtml(String(r.params.text)).text.includes(lastQuote),
      { after },
    );
    expect(h.spy.calls.at(-1)?.question).toBe(question);
    const sent = h.fake.calls("sendMessage", after);
    const texts = sent.map((r) => String(r.params.text));
    for (const text of texts) expect(readTelegramHtml(text).violations).toEqual([]);
    const visible = texts.map((t) => readTelegramHtml(t).text).join("\n");
    const fitting = markupAnswer.quotes.filter((q) => q.text.length < TELEGRAM_MESSAGE_LIMIT / 2);
    expect(fitting.length).toBe(2);
    for (const quote of fitting) expect(visible).toContain(quote.text);
    expect(texts.join("")).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
    expect(texts.join("")).not.toContain("<script>");
  });

  it("splits a long answer at quote boundaries, every message under 4,096", async () => {
    const { u, chat } = fresh();
    const after = h.push(textMessage({ chat, from: u, text: "everything please" }));
    const first = await h.reply(chat.id, after);
    // All messages of one answer follow each other; wait until the last quote is out.
    const lastQuote = manyQuotesAnswer.quotes.at(-1)?.text ?? "";
    await h.fake.waitFor(
      (r) =>
        r.method === "sendMessage" &&
        readTelegramHtml(String(r.params.text)).text.includes(lastQuote),
      { after },
    );
    const texts = h.fake.calls("sendMessage", first.index).map((r) => String(r.params.text));
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(readTelegramHtml(text).violations).toEqual([]);
    }
    // Each quote whole in exactly one message, in the engine's order.
    const visible = texts.map((t) => readTelegramHtml(t).text);
    const where = manyQuotesAnswer.quotes.map((q) => visible.findIndex((v) => v.includes(q.text)));
    expect(where.every((i) => i >= 0)).toBe(true);
    expect([...where].sort((a, b) => a - b)).toEqual(where);
  });

  it("resends as plain text when Telegram cannot parse the HTML, losing nothing", async () => {
    const { u, chat } = fresh();
    h.fake.fail(
      "sendMessage",
      {
        error_code: 400,
        description:
          'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 3',
      },
      { when: (p) => p.parse_mode === "HTML" && p.chat_id === chat.id },
    );
    const after = h.push(textMessage({ chat, from: u, text: "What did Ushakov say?" }));
    const rejected = await h.reply(chat.id, after);
    expect(rejected.params.parse_mode).toBe("HTML");
    const resent = await h.reply(chat.id, rejected.index + 1);
    expect(resent.params.parse_mode).toBeUndefined();
    const plain = String(resent.params.text);
    const html = readTelegramHtml(String(rejected.params.text));
    expect(plain).toContain("entering the negotiation process would be entirely inappropriate");
    for (const link of html.links) expect(plain).toContain(link);
    expect(h.fake.calls("sendMessage", after).map((r) => r.params.text)).not.toContain(APOLOGY);
  });

  it("waits out a 429 retry_after, then delivers", async () => {
    const { u, chat } = fresh();
    h.fake.fail(
      "sendMessage",
      {
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        parameters: { retry_after: 1 },
      },
      { when: (p) => p.chat_id === chat.id },
    );
    const after = h.push(textMessage({ chat, from: u, text: "What did Lavrov say?" }));
    const limited = await h.reply(chat.id, after);
    const retried = await h.reply(chat.id, limited.index + 1);
    expect(retried.params.text).toBe(limited.params.text);
    expect(
      h.logger.lines.some((l) => l.includes('"code":429') && l.includes('"retryAfter":1')),
    ).toBe(true);
  });

  it("retries a 5xx from Telegram", async () => {
    const { u, chat } = fresh();
    h.fake.fail(
      "sendMessage",
      { error_code: 502, description: "Bad Gateway" },
      { when: (p) => p.chat_id === chat.id },
    );
    const after = h.push(textMessage({ chat, from: u, text: "What did Putin say?" }));
    const failed = await h.reply(chat.id, after);
    const retried = await h.reply(chat.id, failed.index + 1);
    expect(retried.params.text).toBe(failed.params.text);
  });

  it("limits questions per user and says when to try again, once", async () => {
    const { u, chat } = fresh();
    for (let i = 0; i < 3; i++) {
      const after = h.push(textMessage({ chat, from: u, text: "What did Lavrov say?" }));
      expect(String((await h.reply(chat.id, after)).params.text)).toContain("Lavrov");
    }
    const asked = h.spy.calls.length;
    clock += 15_000;
    let after = h.push(textMessage({ chat, from: u, text: "What did Lavrov say?" }));
    const told = String((await h.reply(chat.id, after)).params.text);
    expect(told).toContain("3 questions in the last minute");
    expect(told).toContain("Try again in 45 seconds");
    // Over the limit again: no second notice; the next probe is another user's answer.
    after = h.push(textMessage({ chat, from: u, text: "What did Lavrov say?" }));
    const other = fresh();
    h.fake.pushUpdate(
      textMessage({ chat: other.chat, from: other.u, text: "What did Putin say?" }),
    );
    await h.reply(other.chat.id, after);
    expect(h.spy.calls.length).toBe(asked + 1);

    clock += 60_000;
    after = h.push(textMessage({ chat, from: u, text: "What did Lavrov say?" }));
    expect(String((await h.reply(chat.id, after)).params.text)).toContain("Lavrov");
  });

  it("apologises when the engine throws, logs it, and keeps serving", async () => {
    const { u } = fresh();
    const chat = groupChat(7007);
    const update = textMessage({ chat, from: u, text: "/ask please explode" });
    let after = h.push(update);
    const apology = await h.reply(chat.id, after);
    expect(apology.params.text).toBe(APOLOGY);
    expect(apology.params.reply_parameters).toMatchObject({
      message_id: update.message.message_id,
    });
    expect(h.logger.lines.some((l) => l.startsWith("error") && l.includes("engine exploded"))).toBe(
      true,
    );

    after = h.push(textMessage({ chat, from: u, text: "/ask What did Ushakov say?" }));
    expect(readTelegramHtml(String((await h.reply(chat.id, after)).params.text)).text).toContain(
      "Ushakov",
    );
  });

  it("never writes the token into a log line or a message", () => {
    expect(h.logger.lines.length).toBeGreaterThan(0);
    for (const line of h.logger.lines) expect(line).not.toContain(FAKE_TOKEN.split(":")[1]);
    for (const r of h.fake.requests)
      expect(JSON.stringify(r.params)).not.toContain(FAKE_TOKEN.split(":")[1]);
  });
});
