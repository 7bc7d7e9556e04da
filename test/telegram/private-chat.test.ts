import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_COMMANDS } from "../../adapters/telegram/bot-commands.ts";
import { ALLOWED_UPDATES } from "../../adapters/telegram/start-telegram.ts";
import { FAKE_TOKEN } from "../fakes/fake-telegram-api.ts";
import { privateChat, textMessage, user } from "../fakes/telegram-updates.ts";
import { type Harness, startHarness } from "./telegram-harness.ts";
import { readTelegramHtml } from "./telegram-html.ts";

describe("telegram: private chats, end to end through grammY", () => {
  let h: Harness;
  const alice = user(101, "Alice");
  const chat = privateChat(alice);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("checks the token, sets the command menu and long-polls for the updates it handles", async () => {
    expect(h.fake.calls("getMe")).toHaveLength(1);
    expect(h.fake.calls("deleteWebhook")).toHaveLength(1);
    expect(h.fake.calls("setMyCommands")[0]?.params.commands).toEqual(BOT_COMMANDS);
    const poll = await h.fake.waitFor((r) => r.method === "getUpdates");
    expect(poll.params.allowed_updates).toEqual([...ALLOWED_UPDATES]);
    expect(h.fake.requests.every((r) => r.token === FAKE_TOKEN)).toBe(true);
  });

  it("answers /ask with quotes in HTML, typing first, link previews off", async () => {
    const after = h.push(textMessage({ chat, from: alice, text: "/ask What did Ushakov say?" }));
    const sent = await h.reply(chat.id, after);
    const typing = h.fake.calls("sendChatAction", after);
    expect(typing[0]?.params).toMatchObject({ chat_id: chat.id, action: "typing" });
    expect(typing[0]?.index).toBeLessThan(sent.index);
    expect(h.spy.calls.at(-1)?.question).toBe("What did Ushakov say?");

    expect(sent.params.parse_mode).toBe("HTML");
    expect(sent.params.link_preview_options).toEqual({ is_disabled: true });
    expect(sent.params.reply_parameters).toBeUndefined();
    const html = readTelegramHtml(String(sent.params.text));
    expect(html.violations).toEqual([]);
    expect(html.text).toContain("entering the negotiation process would be entirely inappropriate");
    expect(html.text).toContain("Yuri Ushakov");
    expect(html.text).toMatch(/¶\d+/);
    expect(html.links.some((link) => link.includes("#:~:text="))).toBe(true);
    expect(String(sent.params.text)).toContain("<blockquote");
  });

  it("answers plain text in a private chat", async () => {
    const after = h.push(textMessage({ chat, from: alice, text: "What did Lavrov say?" }));
    const sent = await h.reply(chat.id, after);
    expect(readTelegramHtml(String(sent.params.text)).text).toContain("Lavrov");
    expect(h.spy.calls.at(-1)?.question).toBe("What did Lavrov say?");
  });

  it("says what it knows on /start and /help, with an example", async () => {
    for (const command of ["/start", "/help"]) {
      const after = h.push(textMessage({ chat, from: alice, text: command }));
      const text = readTelegramHtml(String((await h.reply(chat.id, after)).params.text)).text;
      expect(text).toContain("exact quotes");
      expect(text).toContain(h.spy.engine.describeCorpus());
      expect(text).toMatch(/They quote .*Putin/);
      expect(text).toContain("@quote_test_bot");
      expect(text).toMatch(/\/ask What did \w+ say\?/);
    }
  });

  it("lists the sources with links on /sources", async () => {
    const after = h.push(textMessage({ chat, from: alice, text: "/sources" }));
    const html = readTelegramHtml(String((await h.reply(chat.id, after)).params.text));
    expect(html.violations).toEqual([]);
    expect(html.text).toContain("Kursk operation redefines negotiation landscape");
    expect(html.links).toContain(
      "https://uawire.org/from-defensive-to-offensive-ukraine-s-kursk-operation-redefines-negotiation-landscape-with-russia",
    );
  });

  it("says so when the corpus does not, in plain words", async () => {
    const after = h.push(textMessage({ chat, from: alice, text: "What is the capital of Peru?" }));
    const html = readTelegramHtml(String((await h.reply(chat.id, after)).params.text));
    expect(html.violations).toEqual([]);
    expect(html.text).toMatch(/don't|not/i);
    expect(html.links).toEqual([]);
  });

  it("gives the length limit, not an error, for a question that is too long", async () => {
    const asked = h.spy.calls.length;
    const after = h.push(textMessage({ chat, from: alice, text: `/ask ${"why ".repeat(400)}` }));
    const text = String((await h.reply(chat.id, after)).params.text);
    expect(text).toContain("up to 1,000 characters");
    expect(h.spy.calls.length).toBe(asked);
  });

  it("asks for a question after an empty /ask and points unknown commands to /help", async () => {
    let after = h.push(textMessage({ chat, from: alice, text: "/ask" }));
    expect(String((await h.reply(chat.id, after)).params.text)).toContain("/ask What did");
    after = h.push(textMessage({ chat, from: alice, text: "/frobnicate" }));
    expect(String((await h.reply(chat.id, after)).params.text)).toContain("/help");
  });
});
