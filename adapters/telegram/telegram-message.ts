import { escapeHtml } from "./escape-html.ts";

/**
 * Telegram counts its limit on the text after entity parsing; measuring the HTML source
 * instead is stricter (tags and escapes only add), so a message that passes here always
 * passes there.
 */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/**
 * One message ready to send: the HTML, and the same content as plain text for when
 * Telegram rejects the HTML ("can't parse entities"). The plain form spells out link
 * targets, so nothing is lost by falling back to it.
 */
export interface TelegramMessage {
  html: string;
  plain: string;
}

const BLOCK_SEPARATOR = "\n\n";

/**
 * Joins blocks (a quote with its citation, a header, a footer) into as few messages as
 * fit the limit, never cutting a block: messages break only between blocks. Each block
 * must itself fit; the renderers guarantee that.
 */
export function packMessages(
  blocks: readonly TelegramMessage[],
  limit = TELEGRAM_MESSAGE_LIMIT,
): TelegramMessage[] {
  const messages: TelegramMessage[] = [];
  for (const block of blocks) {
    const last = messages[messages.length - 1];
    const html: string = last ? last.html + BLOCK_SEPARATOR + block.html : "";
    const plain: string = last ? last.plain + BLOCK_SEPARATOR + block.plain : "";
    if (last && html.length <= limit && plain.length <= limit) {
      messages[messages.length - 1] = { html, plain };
    } else {
      messages.push({ ...block });
    }
  }
  return messages;
}

/** A message of plain words: escaped for HTML, unchanged as plain text. */
export function plainMessage(text: string): TelegramMessage {
  return { html: escapeHtml(text), plain: text };
}
