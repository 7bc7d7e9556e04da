import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { CachedAnswer, FeedbackVote, VoteOutcome } from "../../src/index.ts";
import { admitAsker } from "./admit-asker.ts";
import { answerButtons, parseAnswerButton } from "./answer-buttons.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { NO_MENTIONS } from "./discord-limits.ts";
import { presentAnswer } from "./present-answer.ts";
import { tellPrivately } from "./tell-privately.ts";

export const EXPIRED_ANSWER = "This answer has expired; ask again with /ask.";
export const NO_MORE_QUOTES = "There are no further quotes for this question.";

const THUMB: Record<FeedbackVote, string> = { up: "👍", down: "👎" };
const VOTE_REPLY: Record<VoteOutcome, (thumb: string) => string> = {
  recorded: (thumb) => `Thanks, your ${thumb} is recorded.`,
  changed: (thumb) => `Changed your vote to ${thumb}.`,
  unchanged: (thumb) => `You already gave this answer ${thumb}.`,
};

/** The buttons under an answer: "More quotes" and the 👍 / 👎 feedback. */
export async function handleAnswerButton(
  interaction: ButtonInteraction,
  ctx: DiscordBotContext,
): Promise<void> {
  const action = parseAnswerButton(interaction.customId);
  const cached = action ? await ctx.answers.get(action.answerId) : undefined;
  if (!action || !cached) {
    await tellPrivately(interaction, EXPIRED_ANSWER);
    return;
  }
  if (action.kind === "vote") {
    await vote(interaction, action.answerId, action.vote, cached, ctx);
  } else {
    await moreQuotes(interaction, action.answerId, cached, ctx);
  }
}

async function vote(
  interaction: ButtonInteraction,
  answerId: string,
  choice: FeedbackVote,
  cached: CachedAnswer,
  ctx: DiscordBotContext,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await ctx.feedback.vote({
    answerId,
    userId: interaction.user.id,
    platform: "discord",
    vote: choice,
    question: cached.question,
    quotes: cached.answer.quotes.slice(0, cached.shown),
  });
  ctx.logger.info({ answerId, vote: choice, outcome }, "Discord: feedback");
  await interaction.editReply({
    content: VOTE_REPLY[outcome](THUMB[choice]),
    allowedMentions: NO_MENTIONS,
  });
}

/**
 * The next page of the same question's ranked quotes, as a new message below; the clicked
 * message then loses its "More quotes" button so paging continues from the newest page.
 */
async function moreQuotes(
  interaction: ButtonInteraction,
  answerId: string,
  cached: CachedAnswer,
  ctx: DiscordBotContext,
): Promise<void> {
  if (!(await admitAsker(interaction, ctx))) return;
  await interaction.deferUpdate();
  await ctx.engineTurn();
  const offset = cached.offset + cached.shown;
  const answer = await ctx.engine.ask(cached.question, { offset });
  if (answer.status === "answered" && answer.quotes.length > 0) {
    await interaction.followUp(await presentAnswer(answer, cached.question, offset, ctx));
  } else {
    await tellPrivately(interaction, NO_MORE_QUOTES);
  }
  await interaction.editReply({
    components: answerButtons(answerId, 0),
    allowedMentions: NO_MENTIONS,
  });
}
