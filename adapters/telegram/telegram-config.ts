import { createHash } from "node:crypto";
import { z } from "zod";

export const DEFAULT_TELEGRAM_API_ROOT = "https://api.telegram.org";

const wholeNumber = (what: string) =>
  z.coerce.number({ error: `must be ${what}` }).int(`must be ${what}`);

/** "12345, 67890" -> [12345, 67890]; names the first entry that is not a user id. */
const userIdList = z
  .string()
  .transform((value, ctx) => {
    const ids: number[] = [];
    for (const part of value.split(",")) {
      const entry = part.trim();
      if (entry === "") continue;
      if (!/^[1-9]\d{0,15}$/.test(entry) || !Number.isSafeInteger(Number(entry))) {
        ctx.addIssue({
          code: "custom",
          message: `must be comma-separated numeric Telegram user ids (ask @userinfobot for yours); "${entry.slice(0, 20)}" is not one`,
        });
        return z.NEVER;
      }
      ids.push(Number(entry));
    }
    return ids;
  })
  .default([]);

/**
 * The Telegram face's part of the environment. Every field has a default or is optional,
 * so the composition root can parse it always and start the face only when
 * `TELEGRAM_BOT_TOKEN` is set.
 */
export const TelegramConfigSchema = z.object({
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must be the token BotFather gave you (123456789:AA…)")
    .optional(),
  TELEGRAM_API_ROOT: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.telegram.org" })
    .transform((url) => url.replace(/\/+$/, ""))
    .default(DEFAULT_TELEGRAM_API_ROOT),
  /** Set: webhook mode. Unset: long polling. */
  TELEGRAM_WEBHOOK_URL: z
    .url({
      protocol: /^https$/,
      error: "must be the public https:// URL Telegram should POST updates to",
    })
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
  TELEGRAM_WEBHOOK_HOST: z.string().default("0.0.0.0"),
  PORT: wholeNumber("a port number from 0 to 65535").min(0).max(65535).default(8080),
  TELEGRAM_MODERATOR_IDS: userIdList,
  TELEGRAM_RATE_LIMIT_PER_MINUTE: wholeNumber("a whole number of questions from 1 to 1000")
    .min(1, "must be a whole number of questions from 1 to 1000")
    .max(1000, "must be a whole number of questions from 1 to 1000")
    .default(10),
  /** 0 turns follow-up memory off. */
  TELEGRAM_FOLLOW_UP_MINUTES: wholeNumber("a whole number of minutes from 0 to 1440")
    .min(0, "must be a whole number of minutes from 0 to 1440")
    .max(1440, "must be a whole number of minutes from 0 to 1440")
    .default(10),
});

export type TelegramConfig = z.infer<typeof TelegramConfigSchema>;

/**
 * The secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token` with every webhook call.
 * Without an explicit one it is derived from the token, so it is stable across restarts
 * and unguessable without the token, yet the token itself never leaves the process.
 */
export function webhookSecret(config: TelegramConfig): string {
  if (config.TELEGRAM_WEBHOOK_SECRET !== undefined) return config.TELEGRAM_WEBHOOK_SECRET;
  return createHash("sha256")
    .update(`newsquote-telegram-webhook:${config.TELEGRAM_BOT_TOKEN ?? ""}`)
    .digest("base64url");
}
