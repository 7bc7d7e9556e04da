import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupChat, textMessage, user } from "../fakes/telegram-updates.ts";
import { type Harness, startHarness } from "./telegram-harness.ts";
import { readTelegramHtml } from "./telegram-html.ts";

describe("telegram: groups answer only what is addressed to the bot", () => {
  let h: Harness;
  const bob = user(202, "Bob");
  const chat = groupChat(5001);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /**
   * Updates of one chat are handled in order, so once the bot has answered a later
   * question, it has finished with the earlier message: if that drew no reply, none comes.
   */
  async function expectIgnored(text: string) {
    const asked = h.spy.calls.length;
    const after = h.push(textMessage({ chat, from: bob, text }));
    const probe = textMessage({ chat, from: bob, text: "/ask What did Putin say?" });
    h.fake.pushUpdate(probe);
    const sent = await h.reply(chat.id, after);
    expect(sent.params.reply_parameters).toMatchObject({ message_id: probe.message.message_id });
    expect(h.spy.calls.slice(asked).map((c) => c.question)).toEqual(["What did Putin say?"]);
  }

  it("ignores a group message that does not mention the bot", async () => {
    await expectIgnored("What did Ushakov say?");
  });

  it("ignores a command addressed to another bot", async () => {
    await expectIgnored("/ask@some_other_bot What did Ushakov say?");
  });

  it("answers /ask in a group, threaded under the question", async () => {
    const update = textMessage({ chat, from: bob, text: "/ask What did Lavrov say?" });
    const after = h.push(update);
    const sent = await h.reply(chat.id, after);
    expect(sent.params.reply_parameters).toEqual({
      message_id: update.message.message_id,
      allow_sending_without_reply: true,
    });
    expect(readTelegramHtml(String(sent.params.text)).text).toContain("Lavrov");
  });

  it("answers /ask@thisbot", async () => {
    const after = h.push(
      textMessage({ chat, from: bob, text: "/ask@quote_test_bot What did Lavrov say?" }),
    );
    await h.reply(chat.id, after);
    expect(h.spy.calls.at(-1)?.question).toBe("What did Lavrov say?");
  });

  it("answers an @mention of the bot, without the mention in the question", async () => {
    const update = textMessage({ chat, from: bob, text: "@quote_test_bot, what did Ushakov say?" });
    const after = h.push(update);
    const sent = await h.reply(chat.id, after);
    expect(h.spy.calls.at(-1)?.question).toBe("what did Ushakov say?");
    expect(sent.params.reply_parameters).toMatchObject({ message_id: update.message.message_id });
    expect(readTelegramHtml(String(sent.params.text)).text).toContain("Ushakov");
  });

  it("answers a reply to one of its own messages", async () => {
    const update = textMessage({
      chat,
      from: bob,
      text: "And what did Podolyak say?",
      replyTo: { message_id: 4242, bot: true },
    });
    const after = h.push(update);
    const sent = await h.reply(chat.id, after);
    expect(h.spy.calls.at(-1)?.question).toBe("And what did Podolyak say?");
    expect(sent.params.reply_parameters).toMatchObject({ message_id: update.message.message_id });
  });

  it("ignores a reply to someone else's message", async () => {
    const asked = h.spy.calls.length;
    const after = h.push(
      textMessage({ chat, from: bob, text: "agreed", replyTo: { message_id: 7, bot: false } }),
    );
    const probe = textMessage({ chat, from: bob, text: "/ask What did Lavrov say?" });
    h.fake.pushUpdate(probe);
    await h.reply(chat.id, after);
    expect(h.spy.calls.slice(asked).map((c) => c.question)).toEqual(["What did Lavrov say?"]);
  });
});
