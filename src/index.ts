/**
 * The engine's public entry: the only module the faces (adapters/, bin/) import.
 * Grouped by audience: the contract, building an engine, configuration, utilities.
 */
export type {
  Answer,
  AnswerMode,
  AnswerStatus,
  QuestionProblem,
  Quote,
  QuoteSource,
} from "./answer/answer.ts";
export { buildQuote, quoteIsVerbatim } from "./answer/build-quote.ts";
export {
  alsoInLine,
  type PlainRenderOptions,
  renderAnswerPlain,
  renderQuotesPlain,
  sourceLine,
  speakerLine,
} from "./answer/render-plain-text.ts";
export { textFragmentLink } from "./answer/text-fragment-link.ts";
export { runChat } from "./cli/run-chat.ts";
export { type CliEngine, setupEngine } from "./cli/setup-engine.ts";
export { noPlatformBanner, START_USAGE, startArguments } from "./cli/start-usage.ts";
// Corpus management: the store, the moderators' operations, the background service.
export { type CorpusConfig, CorpusConfigSchema } from "./config/corpus-config.ts";
export { type EngineConfig, EngineConfigSchema } from "./config/engine-config.ts";
export {
  DEFAULT_SHUTDOWN_TIMEOUT_SECONDS,
  type ProcessConfig,
  ProcessConfigSchema,
} from "./config/process-config.ts";
export { parseConfig, parseConfigParts, readEnvironment } from "./config/read-environment.ts";
export type { Article } from "./corpus/article.ts";
export { formatArticle } from "./corpus/format-article.ts";
export { type CorpusProblem, type LoadedCorpus, loadCorpus } from "./corpus/load-corpus.ts";
export { parseArticle } from "./corpus/parse-article.ts";
export { type ChangeSummary, formatSummary } from "./corpus-admin/change-summary.ts";
export {
  type AddedArticle,
  type CorpusManager,
  type CorpusManagerOptions,
  createCorpusManager,
} from "./corpus-admin/corpus-manager.ts";
export { fetchOptionsFrom } from "./corpus-admin/fetch-options-from.ts";
export { loadAllArticles } from "./corpus-admin/load-all-articles.ts";
export type { Progress, ProgressListener } from "./corpus-admin/read-sources.ts";
export {
  busyText,
  type CorpusCommand,
  type CorpusCommandOutcome,
  problemWithCommand,
  runCorpusCommand,
} from "./corpus-admin/run-corpus-command.ts";
export { startCorpusService } from "./corpus-admin/start-corpus-service.ts";
export { createStatusLine, type StatusLine } from "./corpus-admin/status-line.ts";
export type {
  AnswerComposer,
  ComposeInput,
  QueryRewriter,
  RetrievedPassage,
  RetrievedSentence,
} from "./engine/composer.ts";
export { createEngine, type EngineOptions } from "./engine/create-engine.ts";
export type {
  ArticleSummary,
  AskContext,
  AskOptions,
  CorpusStatus,
  Engine,
  SeenQuote,
  SpeakerSummary,
  StatementSummary,
} from "./engine/engine.ts";
export { loadEngine } from "./engine/load-engine.ts";
export { type Page, pageOf } from "./engine/page-of.ts";
export { withListings } from "./engine/with-listings.ts";
export { AppError, type AppErrorCode } from "./errors.ts";
// Health checks: each face's state, the report, and the HTTP side both servers share.
export { createFaceStatus, type FaceStatus, type FaceStatusTracker } from "./health/face-status.ts";
export { type HealthReport, healthReport } from "./health/health-report.ts";
export { HEALTH_PATH, respondHealth } from "./health/respond-health.ts";
export {
  type HealthServer,
  type HealthServerOptions,
  startHealthServer,
} from "./health/start-health-server.ts";
export { describeWait } from "./limits/describe-wait.ts";
export { createLlmMode, type LlmMode, type LlmModeOptions } from "./llm/create-llm-mode.ts";
export { type LlmConfig, LlmConfigSchema } from "./llm/llm-config.ts";
export { type LlmEngineOptionsInput, llmEngineOptions } from "./llm/llm-engine-options.ts";
export { createLogger, type Logger, type LogLevel, SILENT_LOGGER } from "./log/logger.ts";
export type {
  IndexedPassage,
  LexicalHit,
  LexicalIndex,
  LexicalIndexFactory,
} from "./search/lexical-index.ts";
export {
  ANSWER_TTL_MS,
  type AnswerCache,
  type AnswerCacheOptions,
  type CachedAnswer,
  MAX_CACHED_ANSWERS,
} from "./store/answer-cache.ts";
export type {
  Actor,
  AuditEntry,
  CorpusSource,
  CorpusStore,
  Platform,
  StoreChange,
  StoredArticle,
  StoreLock,
  StoreSnapshot,
  StoreWatch,
} from "./store/corpus-store.ts";
export type {
  FeedbackStore,
  FeedbackVote,
  VoteInput,
  VoteOutcome,
  VoteTally,
} from "./store/feedback-store.ts";
export type { FollowUpOptions, FollowUpStore } from "./store/follow-up-store.ts";
export { IN_MEMORY_STATE, type SessionState } from "./store/in-memory-state.ts";
export { openLowdbCorpusStore } from "./store/lowdb-corpus-store.ts";
export { openLowdbFeedbackStore } from "./store/lowdb-feedback-store.ts";
export { createAnswerCache } from "./store/memory-answer-cache.ts";
export { createFollowUpMemory } from "./store/memory-follow-up-store.ts";
export { createRateLimiter } from "./store/memory-rate-limiter.ts";
export { createUpdateClaimMemory } from "./store/memory-update-claims.ts";
export { openLowdbStores } from "./store/open-lowdb-stores.ts";
export { openStores } from "./store/open-stores.ts";
export type { RateDecision, RateLimiter, RateLimiterOptions } from "./store/rate-limiter.ts";
export type { StoreKind, Stores } from "./store/stores.ts";
export type {
  ClaimOutcome,
  UpdateClaims,
  UpdateClaimsOptions,
} from "./store/update-claims.ts";
