import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import { pageOf } from "../../src/index.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { isModerator } from "./is-moderator.ts";
import {
  renderCorpusSources,
  renderSourcesPage,
  SOURCES_BUTTON,
  SOURCES_PER_PAGE,
} from "./render-sources.ts";

/**
 * One page of the articles with links (`page:` option, default the first), with buttons
 * to turn it; only the asker sees it, so a channel is not flooded. With the first page, a
 * moderator also gets what was added and the sources a refresh reads, as a second
 * private message.
 */
export async function handleSources(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordBotContext,
): Promise<void> {
  const asked = interaction.options.getInteger("page") ?? 1;
  await interaction.reply({
    ...renderSourcesPage(pageOf(ctx.engine.articles(), asked, SOURCES_PER_PAGE)),
    flags: MessageFlags.Ephemeral,
  });
  const corpus = ctx.corpus;
  if (asked !== 1 || corpus === null || !isModerator(interaction, ctx.moderatorRoleIds)) return;
  const [sources, added] = await Promise.all([corpus.sources(), corpus.added()]);
  await interaction.followUp({
    ...renderCorpusSources(sources, added),
    flags: MessageFlags.Ephemeral,
  });
}

/** "« Previous" / "Next »" under a page: the page they name replaces it in place. */
export async function handleSourcesButton(
  interaction: ButtonInteraction,
  ctx: DiscordBotContext,
): Promise<void> {
  const asked = Number(SOURCES_BUTTON.exec(interaction.customId)?.[1] ?? 1);
  await interaction.update(
    renderSourcesPage(pageOf(ctx.engine.articles(), asked, SOURCES_PER_PAGE)),
  );
}
