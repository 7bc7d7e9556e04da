import { type ChatInputCommandInteraction, MessageFlags, type User } from "discord.js";
import { type Actor, type CorpusCommand, runCorpusCommand } from "../../src/index.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import type { ModeratorCommandName } from "./discord-commands.ts";
import { DISCORD_LIMITS, NO_MENTIONS } from "./discord-limits.ts";
import { describeError } from "./handle-interaction.ts";
import { isModerator } from "./is-moderator.ts";
import { fitEscaped } from "./render-answer-embeds.ts";
import { tellPrivately } from "./tell-privately.ts";

export const REFUSAL =
  "Sorry, only moderators can add, remove or refresh articles: members with Manage Server or a moderator role, in a server. Ask one of them if an article is missing.";
export const NOT_AVAILABLE =
  "Adding and refreshing articles from Discord is not available in this bot. Its operator can do it with npm run corpus.";

/** Who the audit log records: the Discord user id, and the username to read. */
export function discordActor(user: User): Actor {
  return { platform: "discord", id: user.id, name: user.username };
}

/**
 * `/add url:`, `/remove id:`, `/refresh` for moderators. Anyone else is refused privately
 * before anything is fetched or changed. A moderator's reply is deferred at once (only
 * they see it), edited with progress, and ends with the summary line the CLI prints.
 * Discord lets the bot edit it for 15 minutes; a longer refresh still finishes and is in
 * the audit log (`npm run corpus -- log`).
 */
export async function handleCorpusCommand(
  interaction: ChatInputCommandInteraction,
  name: ModeratorCommandName,
  ctx: DiscordBotContext,
): Promise<void> {
  if (!isModerator(interaction, ctx.moderatorRoleIds)) {
    ctx.logger.info(
      { userId: interaction.user.id, command: name, dm: !interaction.inGuild() },
      "Discord: corpus command refused: not a moderator",
    );
    await tellPrivately(interaction, REFUSAL);
    return;
  }
  if (ctx.corpus === null) {
    await tellPrivately(interaction, NOT_AVAILABLE);
    return;
  }
  const command: CorpusCommand =
    name === "add"
      ? { action: "add", url: interaction.options.getString("url", true) }
      : name === "remove"
        ? { action: "remove", id: interaction.options.getString("id", true) }
        : { action: "refresh" };

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await runCorpusCommand({
    manager: ctx.corpus,
    command,
    actor: discordActor(interaction.user),
    show: async (text) => {
      await interaction.editReply({
        content: fitEscaped(text, DISCORD_LIMITS.content),
        allowedMentions: NO_MENTIONS,
      });
    },
    logger: ctx.logger,
    describeError,
    ...(ctx.statusIntervalMs !== undefined && { minIntervalMs: ctx.statusIntervalMs }),
  });
  ctx.logger.info(
    { userId: interaction.user.id, command: name, status: outcome.status },
    "Discord: corpus command finished",
  );
}
