import type { Answer } from "../answer/answer.ts";
import type { Article } from "../corpus/article.ts";

/** A quote already shown in this conversation, so a follow-up does not repeat it. */
export interface SeenQuote {
  articleId: string;
  paragraph: number;
  start: number;
}

/** What a face remembers of a conversation between two questions. */
export interface AskContext {
  /** The speaker the previous answer was about: resolves "what else did he say?". */
  speaker?: string | null;
  seen?: readonly SeenQuote[];
}

export interface AskOptions {
  /** How many quotes to return (default from config, 3). */
  maxQuotes?: number;
  /** Skip this many of the ranked quotes: pages through "More quotes". */
  offset?: number;
  context?: AskContext;
  /** Aborts work in progress (a face whose deadline passed). */
  signal?: AbortSignal;
}

export interface ArticleSummary {
  id: string;
  title: string;
  publisher: string;
  url: string;
  published: string | null;
  language: string;
  paragraphs: number;
  /** Canonical names of the people and organisations it quotes, in order of appearance. */
  speakers: string[];
}

export interface SpeakerSummary {
  name: string;
  kind: "person" | "organization" | "unnamed";
  /** Roles as the articles give them ("Foreign Minister"). */
  roles: string[];
  /** How many statements the corpus attributes to them. */
  statements: number;
}

/** One sentence the speaker index attributes: what `corpus speakers` lists for an audit. */
export interface StatementSummary {
  articleId: string;
  /** 1-based paragraph number. */
  paragraph: number;
  /** Index of the sentence in its paragraph. */
  sentence: number;
  speaker: string;
  kind: "person" | "organization" | "unnamed";
  role: string | null;
  /** What marked the report: "said", "according to", "Q&A answer", ... */
  cue: string;
  text: string;
}

/** The corpus the engine answers from now: what a health check reports. */
export interface CorpusStatus {
  articles: number;
  /** When the current snapshot was built (start-up or the last refresh), ISO 8601. */
  builtAt: string;
}

/** The engine every face talks to. No platform type crosses this line. */
export interface Engine {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /**
   * Every article, in corpus order. Read-only and, behind `withListings` (what `loadEngine`
   * returns), the same array until the corpus changes: slice a page out of it.
   */
  articles(): readonly ArticleSummary[];
  /** Most quoted first; read-only and kept like `articles()`. */
  speakers(): readonly SpeakerSummary[];
  /** Every attributed sentence, in corpus order. */
  statements(): StatementSummary[];
  /**
   * Autocomplete: speakers with a word of their name, then of a role, starting with
   * `query` (see speaker-suggester.ts), most quoted first. Costs the result, not the corpus,
   * behind `withListings`.
   */
  suggestSpeakers(query: string, limit?: number): SpeakerSummary[];
  /** One or two sentences on what the corpus covers, for /help and not-found replies. */
  describeCorpus(): string;
  /** The current snapshot's size and age. */
  corpusStatus(): CorpusStatus;
  /** The longest question accepted, in characters. */
  readonly maxQuestionLength: number;
  /**
   * Builds a new corpus snapshot and index beside the current one, then swaps it in one
   * step: questions asked meanwhile are answered from the old one. A change of a few
   * articles is applied in place at once instead, and the full build follows (`merged`). Rejects (leaving the old
   * corpus in place) if the new one cannot be built. When a later call starts before this
   * one's build ends, only the later corpus is swapped in.
   */
  replaceArticles(articles: readonly Article[]): Promise<void>;
  /**
   * Resolves when the background build of the last change is over: true if it was swapped
   * in. A change of a few articles is answerable as soon as replaceArticles resolves,
   * applied in place to the last full build; the full build that replaces it runs on
   * afterwards (see create-engine.ts). The corpus status keeps the change's date.
   */
  merged?(): Promise<boolean>;
}
