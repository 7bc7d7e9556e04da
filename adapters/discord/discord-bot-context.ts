import type {
  AnswerCache,
  CorpusManager,
  Engine,
  FeedbackStore,
  Logger,
  RateLimiter,
} from "../../src/index.ts";

/** What every handler needs: the engine, the stores, the per-user limit and the log. */
export interface DiscordBotContext {
  engine: Engine;
  feedback: FeedbackStore;
  answers: AnswerCache;
  /** Questions per user per minute (`/ask`, `/quotes`, "More quotes"). */
  limiter: RateLimiter;
  questionsPerMinute: number;
  logger: Logger;
  /** The moderators' /add, /remove, /refresh; null: they say it is not available. */
  corpus: CorpusManager | null;
  /** Members with one of these roles are moderators, besides those with Manage Server. */
  moderatorRoleIds: readonly string[];
  /** Resolves when it is this answer's turn at the engine (see create-engine-turns.ts). */
  engineTurn: () => Promise<void>;
  /** Pace of the moderator's status edits (default 1.5 s). */
  statusIntervalMs?: number;
}
