import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { NO_MENTIONS } from "./discord-limits.ts";
import { fitEscaped } from "./render-answer-embeds.ts";

/** What the bot covers and how to ask; only the asker sees it. */
export async function handleHelp(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordBotContext,
): Promise<void> {
  await interaction.reply({
    content: helpText(ctx.engine.describeCorpus(), ctx.questionsPerMinute),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

export function helpText(corpus: string, questionsPerMinute: number): string {
  const lines = [
    "I answer questions about a set of news articles with sentences quoted word for word, each with its article, publisher, paragraph number and a link that opens the article at the quote. When the articles don't say, I say so instead of guessing.",
    "",
    "**/ask** `question`: for example /ask What did Ushakov say about negotiations?",
    "**/quotes** `person`: what someone is quoted saying (start typing a name).",
    "**/sources**: the articles I answer from, with links.",
    "Under an answer, **More quotes** shows further quotes, and 👍 / 👎 tells us whether it helped.",
    `I work in servers and in direct messages, for up to ${questionsPerMinute} questions a minute each.`,
    "Moderators (Manage Server, or a moderator role) add pages and feeds with **/add**, and use **/remove** and **/refresh**, in a server.",
    "",
  ];
  const head = lines.join("\n");
  return `${head}${fitEscaped(corpus, 1900 - head.length)}`;
}
