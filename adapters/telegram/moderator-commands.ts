import { type Context, GrammyError } from "grammy";
import type { User } from "grammy/types";
import {
  type Actor,
  type CorpusCommand,
  type CorpusManager,
  type Logger,
  runCorpusCommand,
} from "../../src/index.ts";
import { escapeHtml } from "./escape-html.ts";
import { describeError } from "./handle-bot-error.ts";
import { sendMessages } from "./send-messages.ts";
import { plainMessage, TELEGRAM_MESSAGE_LIMIT } from "./telegram-message.ts";

export const REFUSAL =
  "Sorry, only the bot's moderators can add, remove or refresh articles. Ask one of them if an article is missing.";
export const NOT_AVAILABLE =
  "Adding and refreshing articles from chat is not available in this bot. Its operator can do it with npm run corpus.";

export interface ModeratorCommandsOptions {
  /** Absent: the commands answer that corpus management is not available. */
  corpus: CorpusManager | undefined;
  moderatorIds: readonly number[];
  logger: Logger;
  /** Receives each command's background work, so a shutdown can wait for it. */
  track?: (task: Promise<unknown>) => void;
  /** Pace of status edits; tests pass a short one. */
  minIntervalMs?: number;
}

export interface ModeratorCommands {
  isModerator(user: User | undefined): boolean;
  /** `/add <url>`, `/remove <id>`, `/refresh`: checked here, then run in the background. */
  run(ctx: Context, command: CorpusCommand): Promise<void>;
}

/** "Bad Request: message is not modified": the edit would change nothing. Harmless. */
function isNotModified(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /message is not modified/i.test(error.description)
  );
}

/** Escaped text cut (before escaping, so no entity is split) to fit one message. */
export function fitHtml(text: string, limit = TELEGRAM_MESSAGE_LIMIT): string {
  let html = escapeHtml(text);
  if (html.length <= limit) return html;
  let cut = text;
  while (html.length > limit) {
    cut = cut.slice(0, Math.max(0, cut.length - Math.max(1, Math.ceil((html.length - limit) / 6))));
    html = `${escapeHtml(cut)}…`;
  }
  return html;
}

/** Who the audit log records: the Telegram user id, and the @username or name to read. */
export function telegramActor(user: User): Actor {
  const name = user.username
    ? `@${user.username}`
    : [user.first_name, user.last_name].filter(Boolean).join(" ");
  return { platform: "telegram", id: String(user.id), name };
}

/**
 * The moderators' corpus commands. Only users in TELEGRAM_MODERATOR_IDS may use them, in
 * private chats and groups alike; anyone else is refused politely and nothing is fetched or
 * changed. The work runs in the background, so questions in the same chat are answered
 * meanwhile; a status message follows it and ends with the summary line the CLI prints.
 */
export function createModeratorCommands(options: ModeratorCommandsOptions): ModeratorCommands {
  const { corpus, logger } = options;
  const moderators = new Set(options.moderatorIds);
  const isModerator = (user: User | undefined) => user !== undefined && moderators.has(user.id);

  return {
    isModerator,
    async run(ctx, command) {
      const chat = ctx.chat;
      const from = ctx.from;
      const asked = ctx.msg;
      if (chat === undefined || asked === undefined) return;
      const replyTo = chat.type === "private" ? undefined : asked.message_id;
      const say = (text: string) =>
        sendMessages(ctx.api, chat.id, [plainMessage(text)], { replyTo, logger });

      if (from === undefined || !isModerator(from)) {
        logger.info(
          { userId: from?.id, command: command.action },
          "corpus command refused: not a moderator",
        );
        await say(REFUSAL);
        return;
      }
      if (corpus === undefined) {
        await say(NOT_AVAILABLE);
        return;
      }

      let messageId: number | undefined;
      const common = {
        parse_mode: "HTML" as const,
        link_preview_options: { is_disabled: true },
      };
      const show = async (text: string) => {
        const html = fitHtml(text);
        if (messageId === undefined) {
          const sent = await ctx.api.sendMessage(chat.id, html, {
            ...common,
            ...(replyTo !== undefined && {
              reply_parameters: { message_id: replyTo, allow_sending_without_reply: true },
            }),
          });
          messageId = sent.message_id;
          return;
        }
        try {
          await ctx.api.editMessageText(chat.id, messageId, html, common);
        } catch (error) {
          if (!isNotModified(error)) throw error;
        }
      };
      const work = runCorpusCommand({
        manager: corpus,
        command,
        actor: telegramActor(from),
        show,
        logger,
        describeError,
        ...(options.minIntervalMs !== undefined && { minIntervalMs: options.minIntervalMs }),
      }).then((outcome) =>
        logger.info(
          { userId: from.id, command: command.action, status: outcome.status },
          "corpus command finished",
        ),
      );
      // Not awaited: a refresh may take minutes, and the chat's updates are handled in order.
      options.track?.(work);
    },
  };
}
