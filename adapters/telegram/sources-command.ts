import { type Context, GrammyError } from "grammy";
import type { User } from "grammy/types";
import { type CorpusManager, type Engine, type Logger, pageOf } from "../../src/index.ts";
import { renderCorpusSources } from "./render-corpus-sources.ts";
import {
  parseSourcesPage,
  renderSourcesPage,
  SOURCES_PER_PAGE,
  sourcesKeyboard,
} from "./render-sources-page.ts";
import { isParseError, type SendOptions, sendMessages } from "./send-messages.ts";
import { plainMessage, type TelegramMessage } from "./telegram-message.ts";

export const SOURCES_USAGE =
  "Send /sources for the first page of articles, or /sources 2 for the second.";

export interface SourcesCommandOptions {
  engine: Engine;
  logger: Logger;
  corpus: CorpusManager | undefined;
  isModerator(user: User | undefined): boolean;
}

/** "Bad Request: message is not modified": the page shown is the page asked for. Harmless. */
function isNotModified(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /message is not modified/i.test(error.description)
  );
}

/**
 * `/sources [page]` and its "« Previous" / "Next »" buttons: one page of the articles
 * (SOURCES_PER_PAGE), so a corpus of 10,000 is a page, not 1,000 messages. Moderators
 * also get what was added and the sources a refresh reads, in their private chat, with
 * the first page.
 */
export function createSourcesCommand(options: SourcesCommandOptions) {
  const { engine, logger, corpus } = options;
  const send = (
    ctx: Context,
    messages: TelegramMessage[],
    extra: Pick<SendOptions, "replyMarkup">,
  ) => {
    if (ctx.chat === undefined) return;
    const replyTo = ctx.chat.type === "private" ? undefined : ctx.msg?.message_id;
    return sendMessages(ctx.api, ctx.chat.id, messages, { replyTo, logger, ...extra });
  };

  return {
    async command(ctx: Context & { match: string }): Promise<void> {
      const asked = parseSourcesPage(ctx.match);
      if (asked === null) {
        await send(ctx, [plainMessage(SOURCES_USAGE)], {});
        return;
      }
      const page = pageOf(engine.articles(), asked, SOURCES_PER_PAGE);
      const keyboard = sourcesKeyboard(page);
      await send(ctx, renderSourcesPage(page), keyboard ? { replyMarkup: keyboard } : {});
      // The moderators' listing names who added what: their private chat only.
      if (asked !== 1 || corpus === undefined || !options.isModerator(ctx.from)) return;
      if (ctx.chat?.type !== "private") {
        await send(
          ctx,
          [plainMessage("Moderators: send /sources in a private chat with me to see the sources.")],
          {},
        );
        return;
      }
      const [sources, added] = await Promise.all([corpus.sources(), corpus.added()]);
      await send(ctx, renderCorpusSources(sources, added), {});
    },

    /** A button under a page: that page replaces it in place, if it fits one message. */
    async turnPage(ctx: Context & { match: string | RegExpMatchArray }): Promise<void> {
      const asked = typeof ctx.match === "string" ? 1 : Number(ctx.match[1]);
      const page = pageOf(engine.articles(), asked, SOURCES_PER_PAGE);
      const messages = renderSourcesPage(page);
      const keyboard = sourcesKeyboard(page);
      await ctx.answerCallbackQuery();
      const shown = ctx.callbackQuery?.message;
      const [only] = messages;
      if (shown === undefined || only === undefined || messages.length > 1) {
        await send(ctx, messages, keyboard ? { replyMarkup: keyboard } : {});
        return;
      }
      const common = {
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      };
      try {
        try {
          await ctx.api.editMessageText(shown.chat.id, shown.message_id, only.html, {
            ...common,
            parse_mode: "HTML",
          });
        } catch (error) {
          if (!isParseError(error)) throw error;
          await ctx.api.editMessageText(shown.chat.id, shown.message_id, only.plain, common);
        }
      } catch (error) {
        if (!isNotModified(error)) throw error;
      }
    },
  };
}
