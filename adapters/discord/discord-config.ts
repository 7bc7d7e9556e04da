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
export const DEFAULT_DISCORD_INTERACTIONS_HOST = "0.0.0.0";
export const DEFAULT_DISCORD_RATE_LIMIT_PER_MINUTE = 6;

/**
 * The Discord face's part of the environment. Everything is optional so the schema parses
 * when only Telegram is configured: the face starts when DISCORD_BOT_TOKEN is set (the
 * gateway), or DISCORD_INTERACTIONS_PORT (Discord POSTs each interaction to it).
 */
export const DiscordConfigSchema = z
  .object({
    DISCORD_BOT_TOKEN: z
      .string()
      .min(20, "must be the bot token from the Developer Portal (Bot → Reset Token)")
      .refine((token) => !/\s/.test(token), "must be the token alone, without spaces or 'Bot '")
      .optional(),
    DISCORD_APPLICATION_ID: snowflake("application").optional(),
    DISCORD_API_BASE: z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as https://discord.com/api",
      })
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
    /** The application's Ed25519 key that signs what Discord POSTs to the endpoint. */
    DISCORD_PUBLIC_KEY: z
      .string()
      .trim()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        "must be the application's public key: 64 hexadecimal characters (General Information → Public Key)",
      )
      .transform((key) => key.toLowerCase())
      .optional(),
    /** Set: interactions arrive over HTTP on this port instead of the gateway. */
    DISCORD_INTERACTIONS_PORT: z.coerce
      .number({ error: "must be a port number from 0 to 65535" })
      .int("must be a port number from 0 to 65535")
      .min(0, "must be a port number from 0 to 65535")
      .max(65535, "must be a port number from 0 to 65535")
      .optional(),
    /** Unset: DEFAULT_DISCORD_INTERACTIONS_HOST, every interface (a proxy or balancer connects). */
    DISCORD_INTERACTIONS_HOST: z.string().trim().min(1).optional(),
  })
  .superRefine((config, ctx) => {
    // Each half alone is a mistake worth stopping for: without the key every request
    // would be refused, and a key without a port would leave the bot on the gateway.
    if (config.DISCORD_INTERACTIONS_PORT !== undefined && config.DISCORD_PUBLIC_KEY === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["DISCORD_PUBLIC_KEY"],
        message:
          "must be set when DISCORD_INTERACTIONS_PORT is: it verifies that each request comes from Discord (General Information → Public Key)",
      });
    }
    if (config.DISCORD_PUBLIC_KEY !== undefined && config.DISCORD_INTERACTIONS_PORT === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["DISCORD_INTERACTIONS_PORT"],
        message:
          "must be set when DISCORD_PUBLIC_KEY is: the port Discord's interactions arrive on (see docs/discord.md); remove DISCORD_PUBLIC_KEY to use the gateway",
      });
    }
  });

export type DiscordConfig = z.infer<typeof DiscordConfigSchema>;

/** Whether the environment asks for the Discord face at all. */
export function discordConfigured(config: DiscordConfig): boolean {
  return config.DISCORD_BOT_TOKEN !== undefined || config.DISCORD_INTERACTIONS_PORT !== undefined;
}

/**
 * How interactions reach the bot: over the gateway (one process, the default), or POSTed
 * by Discord to the interactions endpoint (any number of instances behind a load balancer).
 */
export function discordMode(config: DiscordConfig): "gateway" | "http" {
  return config.DISCORD_INTERACTIONS_PORT === undefined ? "gateway" : "http";
}
