import type { AutocompleteInteraction } from "discord.js";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { DISCORD_LIMITS } from "./discord-limits.ts";
import { isModerator } from "./is-moderator.ts";
import { fitPlain } from "./render-answer-embeds.ts";

/**
 * `/remove id:` suggestions: the sources (a feed with all its items) and the articles
 * moderators added, matched on id, title or address. Shipped articles are not offered:
 * they are removed by deleting their file. Nobody but a moderator gets any suggestion.
 */
export async function handleRemoveAutocomplete(
  interaction: AutocompleteInteraction,
  ctx: DiscordBotContext,
): Promise<void> {
  const corpus = ctx.corpus;
  if (corpus === null || !isModerator(interaction, ctx.moderatorRoleIds)) {
    await interaction.respond([]);
    return;
  }
  const typed = String(interaction.options.getFocused()).trim().toLowerCase();
  const [sources, added] = await Promise.all([corpus.sources(), corpus.added()]);
  const choices = [
    ...sources.map((source) => ({
      label: `${source.kind}: ${source.title ?? source.location}`,
      id: source.id,
      haystack: `${source.id} ${source.title ?? ""} ${source.location}`,
    })),
    ...added.map((article) => ({
      label: `article: ${article.title}`,
      id: article.id,
      haystack: `${article.id} ${article.title} ${article.origin}`,
    })),
  ];
  await interaction.respond(
    choices
      .filter((c) => c.id.length <= DISCORD_LIMITS.choiceValue)
      .filter((c) => typed === "" || c.haystack.toLowerCase().includes(typed))
      .slice(0, DISCORD_LIMITS.autocompleteChoices)
      .map((c) => ({
        name: fitPlain(`${c.label} (${c.id})`, DISCORD_LIMITS.choiceName),
        value: c.id,
      })),
  );
}
