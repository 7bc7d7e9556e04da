import type { Answer } from "../answer/answer.ts";
import type { Article } from "../corpus/article.ts";

/** A sentence of a retrieved paragraph, with who the engine says speaks in it. */
export interface RetrievedSentence {
  start: number;
  end: number;
  speaker: string | null;
  speakerRole: string | null;
}

/** A paragraph retrieval found for a question, as a composer (the LLM) sees it. */
export interface RetrievedPassage {
  /** Short id shown to the model, e.g. "P3". */
  id: string;
  article: Article;
  /** 1-based paragraph number. */
  paragraph: number;
  /** The paragraph's text, verbatim. */
  text: string;
  sentences: RetrievedSentence[];
  score: number;
}

export interface ComposeInput {
  question: string;
  passages: RetrievedPassage[];
  /** The extractive answer for the same question: the default and the fallback. */
  extractive: Answer;
  signal?: AbortSignal;
}

/**
 * Turns retrieved passages into an Answer in other words (the LLM mode). Must return only
 * quotes built with `buildQuote` from spans it found in the passages; on any failure it
 * returns `input.extractive` (with the reason logged), never an unsupported claim.
 */
export interface AnswerComposer {
  compose(input: ComposeInput): Promise<Answer>;
}

/**
 * Proposes other ways to search for a question (search terms, a name for a role or a
 * nickname, a translation). The engine uses a proposal only if it retrieves passages.
 */
export interface QueryRewriter {
  rewrite(question: string, signal?: AbortSignal): Promise<string[]>;
}
