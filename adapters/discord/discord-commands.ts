import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from "discord.js";

export const COMMAND_NAMES = ["ask", "quotes", "sources", "help"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Discord's own cap on a string option. */
const DISCORD_MAX_STRING_OPTION = 6000;

/** Servers and direct messages with the bot; installed to servers (the invite link). */
const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM];

export interface CommandOptions {
  /** The engine's longest question: Discord enforces it before the bot sees the text. */
  maxQuestionLength: number;
}

/** The slash commands as Discord's API takes them (`npm run discord:register` sends these). */
export function buildCommands(
  options: CommandOptions,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const base = (name: CommandName, description: string) =>
    new SlashCommandBuilder()
      .setName(name)
      .setDescription(description)
      .setContexts(CONTEXTS)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  return [
    base("ask", "Ask about the news articles; the answer quotes them word for word, with sources")
      .addStringOption((option) =>
        option
          .setName("question")
          .setDescription("For example: What did Ushakov say about negotiations?")
          .setRequired(true)
          .setMinLength(2)
          .setMaxLength(Math.min(options.maxQuestionLength, DISCORD_MAX_STRING_OPTION)),
      )
      .toJSON(),
    base("quotes", "What a person is quoted saying in the articles")
      .addStringOption((option) =>
        option
          .setName("person")
          .setDescription("Start typing a name or a role")
          .setRequired(true)
          .setMaxLength(100)
          .setAutocomplete(true),
      )
      .toJSON(),
    base("sources", "The articles the bot answers from, with links").toJSON(),
    base("help", "What the bot covers and how to ask").toJSON(),
  ];
}
