import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { renderSources } from "./render-sources.ts";

/** The articles with links; only the asker sees the list, so a channel is not flooded. */
export async function handleSources(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordBotContext,
): Promise<void> {
  await interaction.reply({
    ...renderSources(ctx.engine.articles()),
    flags: MessageFlags.Ephemeral,
  });
}
