import type { ChatInputCommandInteraction } from "discord.js";
import type { AskOptions } from "../../src/index.ts";
import { admitAsker } from "./admit-asker.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { presentAnswer } from "./present-answer.ts";
import { tellPrivately } from "./tell-privately.ts";

/**
 * Asks the engine and edits the answer in. Checks that need no engine (empty, too long,
 * over the per-user limit) answer at once and privately; everything else is deferred
 * first, well inside Discord's 3-second deadline, because answering may take longer.
 */
export async function answerQuestion(
  interaction: ChatInputCommandInteraction,
  question: string,
  ctx: DiscordBotContext,
  options: AskOptions = {},
): Promise<void> {
  const trimmed = question.trim();
  if (trimmed === "") {
    await tellPrivately(
      interaction,
      "Ask a question, for example: What did Ushakov say about talks?",
    );
    return;
  }
  const max = ctx.engine.maxQuestionLength;
  if (trimmed.length > max) {
    await tellPrivately(
      interaction,
      `That question is ${trimmed.length} characters long; I take up to ${max}. Please shorten it.`,
    );
    return;
  }
  if (!(await admitAsker(interaction, ctx))) return;
  await interaction.deferReply();
  await ctx.engineTurn();
  const started = performance.now();
  const answer = await ctx.engine.ask(trimmed, options);
  if (answer.problem) {
    await tellPrivately(interaction, answer.reason ?? answer.text);
    return;
  }
  await interaction.editReply(await presentAnswer(answer, trimmed, 0, ctx));
  // No question text in the log: what people ask stays between them and the bot.
  ctx.logger.info(
    {
      command: interaction.commandName,
      status: answer.status,
      quotes: answer.quotes.length,
      ms: Math.round(performance.now() - started),
    },
    "Discord: answered",
  );
}
