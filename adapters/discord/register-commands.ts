import { REST, Routes } from "discord.js";
import { AppError } from "../../src/index.ts";
import { buildCommands } from "./discord-commands.ts";
import type { DiscordConfig } from "./discord-config.ts";

export interface RegisterCommandsOptions {
  config: DiscordConfig;
  /** The engine's longest question (MAX_QUESTION_LENGTH), enforced by Discord's picker. */
  maxQuestionLength: number;
  /** Register globally even when DISCORD_GUILD_ID is set. */
  global?: boolean;
  /** Remove the commands from that place instead of registering them. */
  clear?: boolean;
}

export interface RegisteredCommands {
  applicationId: string;
  /** "global", or the guild id. */
  scope: string;
  names: string[];
}

/**
 * Replaces the application's slash commands with this bot's (one bulk PUT, so removed
 * commands disappear too). Per guild when DISCORD_GUILD_ID is set: those update at once,
 * which suits development; global commands reach every server and DM.
 */
export async function registerCommands(
  options: RegisterCommandsOptions,
): Promise<RegisteredCommands> {
  const { config } = options;
  if (!config.DISCORD_BOT_TOKEN) {
    throw new AppError(
      "CONFIG_INVALID",
      "DISCORD_BOT_TOKEN is not set: registering commands needs the bot's token (Developer Portal → your application → Bot → Reset Token).",
    );
  }
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_BOT_TOKEN);
  const applicationId = config.DISCORD_APPLICATION_ID ?? (await fetchApplicationId(rest));
  const guildId = options.global ? undefined : config.DISCORD_GUILD_ID;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const body = options.clear ? [] : buildCommands({ maxQuestionLength: options.maxQuestionLength });
  const saved = (await rest.put(route, { body })) as { name: string }[];
  return { applicationId, scope: guildId ?? "global", names: saved.map((command) => command.name) };
}

/** The token's own application, when DISCORD_APPLICATION_ID is not set. */
async function fetchApplicationId(rest: REST): Promise<string> {
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  return application.id;
}
