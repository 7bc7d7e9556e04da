import { type BotError, GrammyError, HttpError } from "grammy";
import type { Logger } from "../../src/index.ts";

export const APOLOGY =
  "Sorry, something went wrong while answering that. Please try again in a moment.";

/** Bot API URLs carry the token in their path ("/bot123:ABC/sendMessage"). */
export function redactTokens(text: string): string {
  return text.replace(/\d{3,}:[A-Za-z0-9_-]{20,}/g, "[redacted]");
}

/** What is worth logging about a failure, with nothing secret in it. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) {
    return {
      kind: "telegram",
      method: error.method,
      code: error.error_code,
      description: error.description,
    };
  }
  // An HttpError wraps the fetch failure, whose message may quote the URL with the token.
  if (error instanceof HttpError) {
    return {
      kind: "network",
      message: redactTokens(error.message),
      cause: redactTokens(String(error.error)),
    };
  }
  if (error instanceof Error) {
    return {
      kind: error.name,
      message: redactTokens(error.message),
      stack: redactTokens(error.stack ?? ""),
    };
  }
  return { kind: typeof error, message: redactTokens(String(error)) };
}

/**
 * The bot's one error boundary (`bot.catch`): whatever failed while handling an update is
 * logged and the person gets a short apology; the bot keeps serving everyone else. It
 * swallows on purpose: rethrowing would stop long polling for every chat.
 */
export function createErrorBoundary(logger: Logger): (error: BotError) => Promise<void> {
  return async (botError) => {
    const { ctx } = botError;
    logger.error(
      { updateId: ctx.update.update_id, err: describeError(botError.error) },
      "failed to handle an update",
    );
    try {
      if (ctx.inlineQuery !== undefined) {
        await ctx.answerInlineQuery([], {
          cache_time: 0,
          is_personal: true,
          button: { text: "Something went wrong; please try again", start_parameter: "help" },
        });
      } else if (ctx.chat !== undefined && ctx.msg !== undefined) {
        await ctx.api.sendMessage(ctx.chat.id, APOLOGY, {
          ...(ctx.chat.type !== "private" && {
            reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
          }),
        });
      }
    } catch (error) {
      logger.warn({ err: describeError(error) }, "could not send the apology either");
    }
  };
}
