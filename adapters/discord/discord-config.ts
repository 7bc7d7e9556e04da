import { z } from "zod";

/** Discord ids are 64-bit integers written in decimal: 17 to 20 digits in practice. */
const SNOWFLAKE = /^\d{17,20}$/;

const snowflake = (what: string) =>
  z.string().regex(SNOWFLAKE, `must be a ${what} id: 17 to 20 digits (Developer Mode → Copy ID)`);

/** `"1, 2,3"` → `["1", "2", "3"]`; one message names every entry that is not a role id. */
const snowflakeList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== ""),
  )
  .superRefine((ids, ctx) => {
    // Role ids are not secret, so naming the bad entries helps without leaking anything.
    const bad = ids.filter((id) => !SNOWFLAKE.test(id));
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `must be role ids separated by commas, each 17 to 20 digits (Server Settings → Roles → Copy Role ID); not role ids: ${bad.map((id) => JSON.stringify(id.slice(0, 30))).join(", ")}`,
      });
    }
  });

export const DEFAULT_DISCORD_API_BASE = "https://discord.com/api";
export const DEFAULT_DISCORD_RATE_LIMIT_PER_MINUTE = 6;

/**
 * The Discord face's part of the environment. Everything is optional so the schema parses
 * when only Telegram is configured: the face starts when DISCORD_BOT_TOKEN is set.
 */
export const DiscordConfigSchema = z.object({
  DISCORD_BOT_TOKEN: z
    .string()
    .min(20, "must be the bot token from the Developer Portal (Bot → Reset Token)")
    .refine((token) => !/\s/.test(token), "must be the token alone, without spaces or 'Bot '")
    .optional(),
  DISCORD_APPLICATION_ID: snowflake("application").optional(),
  DISCORD_API_BASE: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://discord.com/api" })
    .transform((url) => url.replace(/\/+$/, ""))
    .default(DEFAULT_DISCORD_API_BASE),
  DISCORD_GUILD_ID: snowflake("server (guild)").optional(),
  DISCORD_MODERATOR_ROLE_IDS: snowflakeList.default([]),
  DISCORD_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: "must be a whole number of questions per minute" })
    .int("must be a whole number of questions per minute")
    .min(1, "must be at least 1")
    .max(600, "must be at most 600")
    .default(DEFAULT_DISCORD_RATE_LIMIT_PER_MINUTE),
});

export type DiscordConfig = z.infer<typeof DiscordConfigSchema>;

/** Whether the environment asks for the Discord face at all. */
export function discordConfigured(config: DiscordConfig): boolean {
  return config.DISCORD_BOT_TOKEN !== undefined;
}
