import { type REST, Routes } from "discord.js";
import type { Logger } from "../../src/index.ts";
import { COMMAND_NAMES } from "./discord-commands.ts";
import { describeError } from "./handle-interaction.ts";

/**
 * A start-up hint for operators: a bot whose slash commands were never registered runs
 * fine and is never asked anything. Looks at the guild's commands when DISCORD_GUILD_ID is
 * set, else the global ones; only warns, never fails start-up.
 */
export async function warnIfCommandsMissing(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  logger: Logger,
): Promise<void> {
  try {
    const route = guildId
      ? Routes.applicationGuildCommands(applicationId, guildId)
      : Routes.applicationCommands(applicationId);
    const registered = (await rest.get(route)) as { name: string }[];
    const names = new Set(registered.map((command) => command.name));
    const missing = COMMAND_NAMES.filter((name) => !names.has(name));
    if (missing.length === 0) {
      logger.debug(
        { scope: guildId ? `guild ${guildId}` : "global" },
        "Discord: slash commands registered",
      );
    } else {
      logger.warn(
        {
          missing: missing.map((name) => `/${name}`),
          scope: guildId ? `guild ${guildId}` : "global",
        },
        "Discord: slash commands are not registered; run `npm run discord:register`",
      );
    }
  } catch (error) {
    logger.debug({ err: describeError(error) }, "Discord: could not list registered commands");
  }
}
