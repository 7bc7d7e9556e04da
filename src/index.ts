/**
 * The engine's public entry: the only module the faces (adapters/, bin/) import.
 * Grouped by audience: the contract, building an engine, configuration, utilities.
 */
export type {
  Answer,
  AnswerMode,
  AnswerStatus,
  Quote,
  QuoteSource,
  QuestionProblem,
} from "./answer/answer.ts";
export type {
  ArticleSummary,
  AskContext,
  AskOptions,
  Engine,
  SeenQuote,
  SpeakerSummary,
} from "./engine/engine.ts";
export type { Article } from "./corpus/article.ts";
export type {
  AnswerComposer,
  ComposeInput,
  QueryRewriter,
  RetrievedPassage,
  RetrievedSentence,
} from "./engine/composer.ts";
export { buildQuote, quoteIsVerbatim } from "./answer/build-quote.ts";
export { textFragmentLink } from "./answer/text-fragment-link.ts";

export { type EngineConfig, EngineConfigSchema } from "./config/engine-config.ts";
export { parseConfig, readEnvironment } from "./config/read-environment.ts";
export { AppError, type AppErrorCode } from "./errors.ts";
export { createLogger, type Logger, type LogLevel, SILENT_LOGGER } from "./log/logger.ts";
export { createRateLimiter, describeWait, type RateLimiter } from "./limits/rate-limiter.ts";
export type {
  FeedbackStore,
  FeedbackVote,
  VoteInput,
  VoteOutcome,
  VoteTally,
} from "./feedback/feedback-store.ts";
export { openLowdbFeedbackStore } from "./feedback/lowdb-feedback-store.ts";
