import { FAKE_BOT } from "./fake-telegram-api.ts";

/** Builders for the updates a real Telegram client would produce, entities included. */

export interface TestUser {
  id: number;
  is_bot: false;
  first_name: string;
}

export interface TestChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
  first_name?: string;
}

export const user = (id: number, first_name = `User ${id}`): TestUser => ({
  id,
  is_bot: false,
  first_name,
});

export const privateChat = (u: TestUser): TestChat => ({
  id: u.id,
  type: "private",
  first_name: u.first_name,
});

export const groupChat = (id: number): TestChat => ({
  id: -id,
  type: "supergroup",
  title: "Newsroom",
});

let nextMessageId = 1;

/** Entities Telegram marks in a text: a leading /command and @mentions. */
function entities(text: string) {
  const found: Array<{ type: string; offset: number; length: number }> = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) found.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const mention of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,32}/g)) {
    found.push({ type: "mention", offset: mention.index, length: mention[0].length });
  }
  return found;
}

export interface TextMessageOptions {
  chat: TestChat;
  from: TestUser;
  text: string;
  /** The message this one replies to; `bot: true` makes it one of the bot's own. */
  replyTo?: { message_id: number; bot?: boolean; text?: string };
}

/** A `message` update with a text, as Telegram would deliver it. */
export function textMessage(options: TextMessageOptions) {
  const { chat, from, text, replyTo } = options;
  const found = entities(text);
  return {
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      text,
      ...(found.length > 0 && { entities: found }),
      ...(replyTo && {
        reply_to_message: {
          message_id: replyTo.message_id,
          date: Math.floor(Date.now() / 1000),
          chat,
          from: replyTo.bot
            ? {
                id: FAKE_BOT.id,
                is_bot: true,
                first_name: FAKE_BOT.first_name,
                username: FAKE_BOT.username,
              }
            : user(999_999),
          text: replyTo.text ?? "an earlier message",
        },
      }),
    },
  };
}

let nextInlineId = 1;

export function inlineQuery(from: TestUser, query: string) {
  return {
    inline_query: { id: `iq${nextInlineId++}`, from, query, offset: "" },
  };
}

let nextCallbackId = 1;

/** A press of an inline keyboard button under one of the bot's messages. */
export function callbackQuery(options: {
  chat: TestChat;
  from: TestUser;
  data: string;
  messageId: number;
}) {
  const { chat, from, data, messageId } = options;
  return {
    callback_query: {
      id: `cq${nextCallbackId++}`,
      from,
      chat_instance: `ci${chat.id}`,
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat,
        from: {
          id: FAKE_BOT.id,
          is_bot: true,
          first_name: FAKE_BOT.first_name,
          username: FAKE_BOT.username,
        },
        text: "a page of sources",
      },
    },
  };
}
