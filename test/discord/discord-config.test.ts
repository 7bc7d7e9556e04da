import { describe, expect, it } from "vitest";
import {
  DEFAULT_DISCORD_API_BASE,
  DiscordConfigSchema,
  discordConfigured,
  discordMode,
} from "../../adapters/discord/discord-config.ts";
import { AppError, parseConfig } from "../../src/index.ts";

const parse = (env: Record<string, string>) => parseConfig(DiscordConfigSchema, env);
const problem = (env: Record<string, string>): string => {
  try {
    parse(env);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected the configuration to be refused");
};

describe("Discord configuration", () => {
  it("parses an empty environment: Discord is simply not configured", () => {
    const config = parse({});
    expect(discordConfigured(config)).toBe(false);
    expect(config.DISCORD_API_BASE).toBe(DEFAULT_DISCORD_API_BASE);
    expect(config.DISCORD_MODERATOR_ROLE_IDS).toEqual([]);
    expect(config.DISCORD_RATE_LIMIT_PER_MINUTE).toBeGreaterThan(0);
  });

  it("takes a full configuration", () => {
    const config = parse({
      DISCORD_BOT_TOKEN: "MTEwMDAwMDAwMDAwMDAwMDAwMQ.abcdef.0123456789abcdefghijklmnop",
      DISCORD_APPLICATION_ID: "1100000000000000001",
      DISCORD_API_BASE: "http://127.0.0.1:8080/api/",
      DISCORD_GUILD_ID: "1300000000000000001",
      DISCORD_MODERATOR_ROLE_IDS: " 123456789012345678 ,223456789012345678,",
      DISCORD_RATE_LIMIT_PER_MINUTE: "12",
    });
    expect(discordConfigured(config)).toBe(true);
    expect(config.DISCORD_API_BASE).toBe("http://127.0.0.1:8080/api");
    expect(config.DISCORD_MODERATOR_ROLE_IDS).toEqual(["123456789012345678", "223456789012345678"]);
    expect(config.DISCORD_RATE_LIMIT_PER_MINUTE).toBe(12);
  });

  it("names each bad moderator role id, and the variable", () => {
    const message = problem({ DISCORD_MODERATOR_ROLE_IDS: "123456789012345678, admins, 42" });
    expect(message).toContain("DISCORD_MODERATOR_ROLE_IDS");
    expect(message).toContain('"admins"');
    expect(message).toContain('"42"');
    expect(message).not.toContain('"123456789012345678"');
  });

  it("refuses bad ids, URLs and limits, naming each variable", () => {
    const message = problem({
      DISCORD_APPLICATION_ID: "my-app",
      DISCORD_GUILD_ID: "12",
      DISCORD_API_BASE: "discord.com/api",
      DISCORD_RATE_LIMIT_PER_MINUTE: "0",
    });
    for (const name of [
      "DISCORD_APPLICATION_ID",
      "DISCORD_GUILD_ID",
      "DISCORD_API_BASE",
      "DISCORD_RATE_LIMIT_PER_MINUTE",
    ]) {
      expect(message).toContain(name);
    }
  });

  it("refuses a token pasted with its 'Bot ' prefix, without echoing it", () => {
    const token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.abcdef.0123456789abcdefghijklmnop";
    const message = problem({ DISCORD_BOT_TOKEN: `Bot ${token}` });
    expect(message).toContain("DISCORD_BOT_TOKEN");
    expect(message).not.toContain(token);
  });

  it("selects the HTTP interactions endpoint with a port and the public key, without a token", () => {
    const key = "A1".repeat(32);
    const config = parse({ DISCORD_INTERACTIONS_PORT: "8090", DISCORD_PUBLIC_KEY: ` ${key} ` });
    expect(discordConfigured(config)).toBe(true);
    expect(discordMode(config)).toBe("http");
    expect(config.DISCORD_PUBLIC_KEY).toBe(key.toLowerCase());
    expect(config.DISCORD_INTERACTIONS_PORT).toBe(8090);
    expect(discordMode(parse({ DISCORD_BOT_TOKEN: "x".repeat(30) }))).toBe("gateway");
  });

  it("refuses either half of the HTTP endpoint's configuration alone, and a malformed key", () => {
    expect(problem({ DISCORD_INTERACTIONS_PORT: "8090" })).toContain("DISCORD_PUBLIC_KEY");
    expect(problem({ DISCORD_PUBLIC_KEY: "ab".repeat(32) })).toContain("DISCORD_INTERACTIONS_PORT");
    const message = problem({
      DISCORD_INTERACTIONS_PORT: "70000",
      DISCORD_PUBLIC_KEY: "not-a-key",
    });
    expect(message).toContain("DISCORD_INTERACTIONS_PORT: must be a port number");
    expect(message).toContain("DISCORD_PUBLIC_KEY: must be the application's public key");
  });
});
