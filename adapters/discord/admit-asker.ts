import type { RepliableInteraction } from "discord.js";
import { describeWait } from "../../src/index.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { tellPrivately } from "./tell-privately.ts";

/**
 * The per-user limit on questions. Over it, the asker alone is told when to try again and
 * the engine is not called. Returns whether to go on.
 */
export async function admitAsker(
  interaction: RepliableInteraction,
  ctx: DiscordBotContext,
): Promise<boolean> {
  const decision = await ctx.limiter.take(interaction.user.id);
  if (decision.allowed) return true;
  ctx.logger.info(
    { userId: interaction.user.id },
    "Discord: question refused by the per-user limit",
  );
  const limit = ctx.questionsPerMinute;
  await tellPrivately(
    interaction,
    `You're asking faster than I answer (at most ${limit} question${limit === 1 ? "" : "s"} a minute). Try again ${describeWait(decision.retryAfterMs)}.`,
  );
  return false;
}
