import type { ChatInputCommandInteraction } from "discord.js";
import { answerQuestion } from "./answer-question.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";

/**
 * `/quotes person:` asks the engine what that person said, as the question a person would
 * type; the autocomplete offers the canonical names the engine's speaker index knows.
 */
export async function handleQuotes(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordBotContext,
): Promise<void> {
  const person = interaction.options.getString("person", true).trim();
  await answerQuestion(interaction, person === "" ? "" : `What did ${person} say?`, ctx);
}
