/**
 * The Answer: the contract between the engine and every face (CLI, Telegram, Discord).
 * Plain data, so it serialises as the CLI's `--json` output and tests can assert on it.
 */

/** Where a quote comes from: enough to cite it and to find it again. */
export interface QuoteSource {
  articleId: string;
  title: string;
  publisher: string;
  url: string;
  /** ISO date (YYYY-MM-DD) or null when the article does not give one. */
  published: string | null;
  /** 1 = the first paragraph after the headline. */
  paragraph: number;
}

/** A verbatim span of a stored paragraph, with who said it and where it stands. */
export interface Quote {
  /** Exactly `paragraphs[paragraph - 1].slice(start, end)` of the article. */
  text: string;
  /** Canonical name of whoever said or wrote it ("Yuri Ushakov"), or null. */
  speaker: string | null;
  /** The role the article gives the speaker, when it gives one. */
  speakerRole: string | null;
  source: QuoteSource;
  /** The article URL with a text fragment that scrolls a browser to the quote. */
  link: string;
  /** Character offsets of `text` in its paragraph. */
  start: number;
  end: number;
  /** Other articles that carry the same statement (in other words), when there are any. */
  alsoIn?: QuoteSource[];
}

export type AnswerStatus = "answered" | "not_found";
export type AnswerMode = "extractive" | "llm";

/**
 * Why a question could not be asked at all (a usage problem, not a corpus gap).
 * `invalid_question_line`: a JSON line given to `npm run ask -- --jsonl` that does not parse.
 */
export type QuestionProblem = "empty_question" | "question_too_long" | "invalid_question_line";

export interface Answer {
  status: AnswerStatus;
  /** The question as asked, cleaned of control and zero-width characters and of markup. */
  question: string;
  /** A plain rendering a terminal can show: the short answer, or the quotes with sources. */
  text: string;
  /** Most relevant first; never the same sentence twice. */
  quotes: Quote[];
  /** For not_found: what was missing, and what the corpus does cover. */
  reason?: string;
  mode: AnswerMode;
  /** Set when the question was refused before answering (the CLI exits 2 on it). */
  problem?: QuestionProblem;
  /** The speaker the question was about, if any: lets a face resolve "what else did he say?". */
  speaker: string | null;
  /** How many further quotes exist beyond `quotes` (for "More quotes" paging). */
  moreQuotes: number;
  /** A line about the answer as a whole, also at the start of `text`: "The articles are in English…". */
  note?: string;
}

/**
 * The Answer for a question refused before it was answered (empty, too long, unreadable):
 * `not_found` with the problem and a reason a person can act on.
 */
export function refusedAnswer(question: string, problem: QuestionProblem, reason: string): Answer {
  return {
    status: "not_found",
    question,
    text: reason,
    reason,
    quotes: [],
    mode: "extractive",
    problem,
    speaker: null,
    moreQuotes: 0,
  };
}
