import { IN_MEMORY_STATE, type Logger } from "../../src/index.ts";
import { createEngineTurns } from "./create-engine-turns.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import type { StartDiscordOptions } from "./start-discord.ts";

export type BotContextOptions = Pick<
  StartDiscordOptions,
  "engine" | "config" | "feedback" | "answers" | "state" | "corpus" | "statusIntervalMs"
>;

/**
 * What the handlers share, the same whichever way interactions arrive (gateway or HTTP).
 * With shared `state` (PostgreSQL), the answers buttons refer to and the per-user counters
 * are the same on every instance.
 */
export function createBotContext(options: BotContextOptions, logger: Logger): DiscordBotContext {
  const { engine, config, feedback } = options;
  const state = options.state ?? IN_MEMORY_STATE;
  return {
    engine,
    feedback,
    answers: options.answers ?? state.answerCache(),
    limiter: state.rateLimiter("discord", {
      limit: config.DISCORD_RATE_LIMIT_PER_MINUTE,
      windowMs: 60_000,
    }),
    questionsPerMinute: config.DISCORD_RATE_LIMIT_PER_MINUTE,
    logger,
    corpus: options.corpus ?? null,
    moderatorRoleIds: config.DISCORD_MODERATOR_ROLE_IDS,
    engineTurn: createEngineTurns(),
    ...(options.statusIntervalMs !== undefined && { statusIntervalMs: options.statusIntervalMs }),
  };
}
