import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from "discord.js";

export const MODERATOR_COMMAND_NAMES = ["add", "remove", "refresh"] as const;
export type ModeratorCommandName = (typeof MODERATOR_COMMAND_NAMES)[number];
export const COMMAND_NAMES = [
  "ask",
  "quotes",
  "sources",
  "help",
  ...MODERATOR_COMMAND_NAMES,
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** An article or source id: lowercase letters, digits and dashes, at most 120 characters. */
const MAX_ID_LENGTH = 120;
/** Long enough for any real article URL; Discord allows 6,000. */
const MAX_URL_LENGTH = 2000;

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
    base("sources", "The articles the bot answers from, with links")
      .addIntegerOption((option) =>
        option
          .setName("page")
          .setDescription("Which page of the list (default 1, the first)")
          .setMinValue(1),
      )
      .toJSON(),
    base("help", "What the bot covers and how to ask").toJSON(),
    moderator("add", "Moderators: add a web page, or every item of an RSS/Atom feed")
      .addStringOption((option) =>
        option
          .setName("url")
          .setDescription("The page's or the feed's address, starting with https://")
          .setRequired(true)
          .setMaxLength(MAX_URL_LENGTH),
      )
      .toJSON(),
    moderator("remove", "Moderators: remove an added article, or a source with its articles")
      .addStringOption((option) =>
        option
          .setName("id")
          .setDescription("Start typing a title or an id")
          .setRequired(true)
          .setMaxLength(MAX_ID_LENGTH)
          .setAutocomplete(true),
      )
      .toJSON(),
    moderator(
      "refresh",
      "Moderators: re-read every source (new, changed and removed articles)",
    ).toJSON(),
  ];
}

/**
 * A moderator command: in servers only (a DM has no roles or permissions to check), and
 * shown by default only to members with Manage Server. Server admins can grant it to the
 * DISCORD_MODERATOR_ROLE_IDS roles under Server Settings → Integrations; the bot checks
 * both itself either way, since that setting is the server's to change.
 */
function moderator(name: ModeratorCommandName, description: string) {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
}
