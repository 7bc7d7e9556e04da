import { type Api, GrammyError } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "../../src/index.ts";
import type { TelegramMessage } from "./telegram-message.ts";

/** Telegram's answer to HTML it cannot parse: 400 "Bad Request: can't parse entities: …". */
export function isParseError(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /can't parse entities|unsupported start tag|can't find end tag/i.test(error.description)
  );
}

export interface SendOptions {
  /** The message to thread under (the question, in groups). */
  replyTo?: number;
  /** Buttons under the last message (the /sources page's "Next »"). */
  replyMarkup?: InlineKeyboardMarkup;
  logger: Logger;
}

/**
 * Sends rendered messages in order, as HTML with link previews off. If Telegram rejects
 * a message's formatting, the same message goes again as plain text, so a renderer bug
 * never costs the person their answer. Other failures propagate to the error boundary
 * (429 and 5xx were already retried by auto-retry underneath).
 */
export async function sendMessages(
  api: Api,
  chatId: number,
  messages: readonly TelegramMessage[],
  options: SendOptions,
): Promise<void> {
  const common = {
    link_preview_options: { is_disabled: true },
    ...(options.replyTo !== undefined && {
      reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true },
    }),
  };
  for (const [i, message] of messages.entries()) {
    const markup =
      i === messages.length - 1 && options.replyMarkup !== undefined
        ? { reply_markup: options.replyMarkup }
        : {};
    try {
      await api.sendMessage(chatId, message.html, { ...common, ...markup, parse_mode: "HTML" });
    } catch (error) {
      if (!isParseError(error)) throw error;
      options.logger.warn(
        { chatId, description: (error as GrammyError).description },
        "telegram rejected the HTML; resending as plain text",
      );
      await api.sendMessage(chatId, message.plain, { ...common, ...markup });
    }
  }
}
