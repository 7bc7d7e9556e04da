import type { AutocompleteInteraction } from "discord.js";
import type { AddedArticle, CorpusSource } from "../../src/index.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { DISCORD_LIMITS } from "./discord-limits.ts";
import { isModerator } from "./is-moderator.ts";
import { fitPlain } from "./render-answer-embeds.ts";

interface RemovalChoice {
  name: string;
  id: string;
  /** Lower-cased id, title and address, matched against what was typed. */
  haystack: string;
}

// The choices of one store state, made once: the manager hands out the same arrays until
// the store changes, so a keystroke does not lower-case every added article again.
const choicesOf = new WeakMap<readonly AddedArticle[], RemovalChoice[]>();

function removalChoices(
  sources: readonly CorpusSource[],
  added: readonly AddedArticle[],
): RemovalChoice[] {
  const known = choicesOf.get(added);
  if (known) return known;
  const choice = (label: string, id: string, haystack: string): RemovalChoice => ({
    name: fitPlain(`${label} (${id})`, DISCORD_LIMITS.choiceName),
    id,
    haystack: haystack.toLowerCase(),
  });
  const choices = [
    ...sources.map((source) =>
      choice(
        `${source.kind}: ${source.title ?? source.location}`,
        source.id,
        `${source.id} ${source.title ?? ""} ${source.location}`,
      ),
    ),
    ...added.map((article) =>
      choice(
        `article: ${article.title}`,
        article.id,
        `${article.id} ${article.title} ${article.origin}`,
      ),
    ),
  ].filter((c) => c.id.length <= DISCORD_LIMITS.choiceValue);
  choicesOf.set(added, choices);
  return choices;
}

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
  const matches: RemovalChoice[] = [];
  // Stops at Discord's 25: a short prefix that matches thousands reads only the first ones.
  for (const c of removalChoices(sources, added)) {
    if (matches.length >= DISCORD_LIMITS.autocompleteChoices) break;
    if (typed === "" || c.haystack.includes(typed)) matches.push(c);
  }
  await interaction.respond(matches.map((c) => ({ name: c.name, value: c.id })));
}
