import type { AutocompleteInteraction } from "discord.js";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { DISCORD_LIMITS } from "./discord-limits.ts";
import { fitPlain } from "./render-answer-embeds.ts";

/**
 * `/quotes person:` suggestions from the engine's speaker index: most quoted first when
 * nothing is typed yet. Choice names are plain text in Discord's picker, so no escaping.
 */
export async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  ctx: DiscordBotContext,
): Promise<void> {
  const typed = String(interaction.options.getFocused()).trim();
  const limit = DISCORD_LIMITS.autocompleteChoices;
  const speakers =
    typed === ""
      ? ctx.engine.speakers().slice(0, limit)
      : ctx.engine.suggestSpeakers(typed, limit).slice(0, limit);
  await interaction.respond(
    speakers
      .filter((speaker) => speaker.name.length <= DISCORD_LIMITS.choiceValue)
      .map((speaker) => {
        const role = speaker.roles[0] ? ` · ${speaker.roles[0]}` : "";
        const quoted = `${speaker.statements} quote${speaker.statements === 1 ? "" : "s"}`;
        return {
          name: fitPlain(`${speaker.name}${role} (${quoted})`, DISCORD_LIMITS.choiceName),
          value: speaker.name,
        };
      }),
  );
}
