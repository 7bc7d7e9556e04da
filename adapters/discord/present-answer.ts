import type { Answer } from "../../src/index.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { DISCORD_LIMITS } from "./discord-limits.ts";
import { type DiscordReply, renderAnswerEmbeds } from "./render-answer-embeds.ts";

/** Keeps the answer for its buttons and renders it with them. */
export async function presentAnswer(
  answer: Answer,
  question: string,
  offset: number,
  ctx: DiscordBotContext,
): Promise<DiscordReply> {
  const shown = Math.min(answer.quotes.length, DISCORD_LIMITS.embedsPerMessage);
  // Quotes past the tenth embed are not lost: "More quotes" starts after what was shown.
  const unshown = answer.quotes.length - shown;
  const kept: Answer = { ...answer, moreQuotes: answer.moreQuotes + unshown };
  const answerId = await ctx.answers.put({ question, answer: kept, offset, shown });
  return renderAnswerEmbeds(kept, { answerId, offset });
}
