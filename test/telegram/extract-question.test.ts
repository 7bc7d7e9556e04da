import type { Message, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import {
  questionAddressedToBot,
  stripBotMentions,
} from "../../adapters/telegram/extract-question.ts";
import { FAKE_BOT } from "../fakes/fake-telegram-api.ts";
import { groupChat, textMessage, user } from "../fakes/telegram-updates.ts";

const me = FAKE_BOT as UserFromGetMe;
const chat = groupChat(1);
const from = user(1);
const message = (text: string, replyTo?: { message_id: number; bot?: boolean }) =>
  textMessage({ chat, from, text, replyTo }).message as unknown as Message;

describe("questions addressed to the bot in groups", () => {
  it("takes an @mention anywhere, case-insensitively, and drops it", () => {
    expect(questionAddressedToBot(message("@Quote_Test_Bot what did Lavrov say?"), me)).toBe(
      "what did Lavrov say?",
    );
    expect(questionAddressedToBot(message("what did Lavrov say, @quote_test_bot?"), me)).toBe(
      "what did Lavrov say?",
    );
    expect(questionAddressedToBot(message("Lavrov, Putin @quote_test_bot"), me)).toBe(
      "Lavrov, Putin",
    );
  });

  it("takes a text mention of the bot (a mention without a username)", () => {
    const m = {
      ...message("Bot: what now?"),
      entities: [{ type: "text_mention", offset: 0, length: 3, user: me }],
    };
    expect(questionAddressedToBot(m as Message, me)).toBe("what now?");
  });

  it("takes a reply to the bot's message as it is", () => {
    expect(questionAddressedToBot(message("and Putin?", { message_id: 1, bot: true }), me)).toBe(
      "and Putin?",
    );
  });

  it("ignores other mentions, replies to people and plain talk", () => {
    expect(questionAddressedToBot(message("@someone_else what did Lavrov say?"), me)).toBeNull();
    expect(questionAddressedToBot(message("agreed", { message_id: 1, bot: false }), me)).toBeNull();
    expect(questionAddressedToBot(message("what did Lavrov say?"), me)).toBeNull();
  });

  it("counts entity offsets in UTF-16 units, as Telegram does", () => {
    const { text, mentioned } = stripBotMentions(message("🇺🇦 @quote_test_bot Syrskyi?"), me);
    expect(mentioned).toBe(true);
    expect(text).toBe("🇺🇦 Syrskyi?");
  });
});
