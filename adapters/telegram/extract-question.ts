import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";

function mentionsBot(text: string, entity: MessageEntity, me: UserFromGetMe): boolean {
  if (entity.type === "text_mention") return entity.user.id === me.id;
  if (entity.type !== "mention") return false;
  const handle = text.slice(entity.offset, entity.offset + entity.length);
  return handle.toLowerCase() === `@${me.username.toLowerCase()}`;
}

/**
 * The message text without the bot's own @mentions, and whether there was one. Entity
 * offsets count UTF-16 units, as JavaScript string indices do.
 */
export function stripBotMentions(
  message: Pick<Message, "text" | "entities">,
  me: UserFromGetMe,
): { text: string; mentioned: boolean } {
  const text = message.text ?? "";
  const mentions = (message.entities ?? [])
    .filter((entity) => mentionsBot(text, entity, me))
    .sort((a, b) => b.offset - a.offset);
  let rest = text;
  for (const entity of mentions) {
    rest = `${rest.slice(0, entity.offset)} ${rest.slice(entity.offset + entity.length)}`;
  }
  // "@bot, what did Lavrov say?" and "what did Lavrov say, @bot?" -> "what did Lavrov say?"
  const cleaned = rest
    .replace(/\s+/g, " ")
    .replace(/^[\s,:;.!-]+/, "")
    .replace(/[\s,;:]+([?.!]|$)/g, "$1")
    .trim();
  return { text: mentions.length > 0 ? cleaned : text.trim(), mentioned: mentions.length > 0 };
}

/**
 * The question in a group message, or null when the message is not for the bot. A group
 * message is for the bot when it @mentions it or replies to one of its messages; anything
 * else is people talking among themselves.
 */
export function questionAddressedToBot(message: Message, me: UserFromGetMe): string | null {
  const { text, mentioned } = stripBotMentions(message, me);
  const repliesToBot = message.reply_to_message?.from?.id === me.id;
  return mentioned || repliesToBot ? text : null;
}
