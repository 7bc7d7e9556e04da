import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { isModerator } from "./is-moderator.ts";
import { renderCorpusSources, renderSources } from "./render-sources.ts";

/**
 * The articles with links; only the asker sees the list, so a channel is not flooded.
 * A moderator also gets what was added and the sources a refresh reads, as a second
 * private message.
 */
export async function handleSources(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordBotContext,
): Promise<void> {
  await interaction.reply({
    ...renderSources(ctx.engine.articles()),
    flags: MessageFlags.Ephemeral,
  });
  const corpus = ctx.corpus;
  if (corpus === null || !isModerator(interaction, ctx.moderatorRoleIds)) return;
  const [sources, added] = await Promise.all([corpus.sources(), corpus.added()]);
  await interaction.followUp({
    ...renderCorpusSources(sources, added),
    flags: MessageFlags.Ephemeral,
  });
}
