import type { Article } from "../corpus/article.ts";
import {
  type ArticleSpeaker,
  attributeSpeakers,
  type Statement,
} from "../speakers/attribute-speakers.ts";
import { nameKey } from "../speakers/name-key.ts";
import { analyzeText, words } from "../text/analyze.ts";
import { type SentenceSpan, splitSentences } from "../text/split-sentences.ts";

/**
 * What the engine derives from one article on its own, before articles meet in one
 * snapshot: sentences, who said what, and analysed terms. It is the costly part of a
 * start-up (sentence splitting alone is over a millisecond an article), and plain data,
 * so it can be kept on disk between runs (see corpus-cache.ts).
 */
export interface ArticleAnalysis {
  /** Sentence spans of each paragraph. */
  sentences: SentenceSpan[][];
  speakers: ArticleSpeaker[];
  statements: Statement[];
  /** Analysed terms of each paragraph, joined by spaces. */
  paragraphTerms: string[];
  /** Analysed terms of each sentence of each paragraph, joined by spaces. */
  sentenceTerms: string[][];
  /** Name keys of every word of the article, each once. */
  wordKeys: string[];
}

/** Depends only on the article's paragraphs (never its metadata). */
export function analyzeArticle(article: Pick<Article, "paragraphs">): ArticleAnalysis {
  // Attribution may split a sentence that reports two speakers: its spans are the ones kept.
  const { speakers, statements, sentences } = attributeSpeakers(
    article.paragraphs,
    article.paragraphs.map(splitSentences),
  );
  const keys = new Set<string>();
  for (const text of article.paragraphs) for (const w of words(text)) keys.add(nameKey(w));
  return {
    sentences,
    speakers,
    statements,
    paragraphTerms: article.paragraphs.map((text) => analyzeText(text).join(" ")),
    sentenceTerms: article.paragraphs.map((text, p) =>
      (sentences[p] ?? []).map((span) => analyzeText(text.slice(span.start, span.end)).join(" ")),
    ),
    wordKeys: [...keys],
  };
}

/**
 * An analysis with its word keys (hundreds of short strings an article) joined into one:
 * as the corpus cache stores it and worker threads send it, a fraction of the memory, and
 * JSON.parse reads it in half the time.
 */
export type PackedAnalysis = Omit<ArticleAnalysis, "wordKeys"> & { wordKeys: string };

const KEY_SEPARATOR = "\n";

export function packAnalysis(analysis: ArticleAnalysis): PackedAnalysis {
  return { ...analysis, wordKeys: analysis.wordKeys.join(KEY_SEPARATOR) };
}

export function unpackAnalysis(packed: PackedAnalysis): ArticleAnalysis {
  return {
    ...packed,
    wordKeys: packed.wordKeys === "" ? [] : packed.wordKeys.split(KEY_SEPARATOR),
  };
}
