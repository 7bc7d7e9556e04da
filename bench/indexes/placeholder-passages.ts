import type { Article } from "../../src/corpus/article.ts";
import type { IndexedPassage } from "../../src/search/lexical-index.ts";

/**
 * Stand-in for the engine's passage building until it lands: one passage per sentence,
 * split at ., ! or ? (and a closing quote) before a capital or an opening quote; the
 * context is the article title and the whole paragraph, as the engine's will carry the
 * paragraph and its speakers.
 */
const SENTENCE_END = /(?<=[.!?][\u201D"]?)\s+(?=[\u201C"A-Z])/;

export function placeholderPassages(articles: readonly Article[]): IndexedPassage[] {
  const passages: IndexedPassage[] = [];
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      const context = `${article.title} ${paragraph}`;
      for (const sentence of paragraph.split(SENTENCE_END)) {
        if (sentence.trim() === "") continue;
        passages.push({ id: passages.length, text: sentence, context });
      }
    }
  }
  return passages;
}
