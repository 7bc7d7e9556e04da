import type { Engine, FeedbackStore, Logger, RateLimiter } from "../../src/index.ts";
import type { AnswerCache } from "./answer-cache.ts";

/** What every handler needs: the engine, the stores, the per-user limit and the log. */
export interface DiscordBotContext {
  engine: Engine;
  feedback: FeedbackStore;
  answers: AnswerCache;
  /** Questions per user per minute (`/ask`, `/quotes`, "More quotes"). */
  limiter: RateLimiter;
  questionsPerMinute: number;
  logger: Logger;
}
