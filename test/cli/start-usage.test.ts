import { describe, expect, it } from "vitest";
import { DiscordConfigSchema, discordConfigured } from "../../adapters/discord/discord-config.ts";
import { parseConfig } from "../../src/config/read-environment.ts";
import { noPlatformBanner, START_USAGE, startArguments } from "../../src/index.ts";

describe("npm start without a token", () => {
  it("asks only for what a face needs: a token each, DISCORD_APPLICATION_ID is optional", () => {
    const banner = noPlatformBanner("1 article from 1 publisher.");
    expect(banner).toMatch(/^No chat platform is configured: set TELEGRAM_BOT_TOKEN /);
    expect(banner).toContain("DISCORD_BOT_TOKEN for the Discord bot.");
    expect(banner).not.toContain("DISCORD_APPLICATION_ID");
    expect(banner).toContain("Answering here instead. 1 article from 1 publisher.\n");
    // What the banner says is what the code does: a token alone starts the Discord face.
    const config = parseConfig(DiscordConfigSchema, { DISCORD_BOT_TOKEN: "x".repeat(30) });
    expect(config.DISCORD_APPLICATION_ID).toBeUndefined();
    expect(discordConfigured(config)).toBe(true);
  });

  it("starts on no arguments, prints its usage for --help, and refuses anything else", () => {
    expect(startArguments([])).toBeNull();
    expect(startArguments(["--help"])).toEqual({ code: 0, stdout: `${START_USAGE}\n` });
    expect(startArguments(["serve"])).toEqual({
      code: 2,
      stderr: `Unexpected argument "serve".\n\n${START_USAGE}\n`,
    });
  });
});
