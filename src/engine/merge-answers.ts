import type { Answer, Quote } from "../answer/answer.ts";
import { renderQuotesPlain } from "../answer/render-plain-text.ts";

/**
 * One Answer for a message of several questions, from the answers to its parts: quotes
 * taken in turn from each answered part (so every part gets its best quote before any
 * part gets a second), the same sentence once, at most `maxQuotes`.
 */
export function mergeAnswers(
  question: string,
  parts: readonly Answer[],
  maxQuotes: number,
): Answer {
  const answered = parts.filter((a) => a.status === "answered" && a.quotes.length > 0);
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  const longest = Math.max(0, ...answered.map((a) => a.quotes.length));
  for (let i = 0; i < longest && quotes.length < maxQuotes; i++) {
    for (const a of answered) {
      const q = a.quotes[i];
      if (!q || quotes.length >= maxQuotes) continue;
      const key = `${q.source.articleId}:${q.source.paragraph}:${q.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      quotes.push(q);
    }
  }
  const speakers = new Set(answered.map((a) => a.speaker));
  return {
    status: "answered",
    question,
    text: renderQuotesPlain(quotes),
    quotes,
    mode: "extractive",
    speaker: speakers.size === 1 ? [...speakers][0]! : null,
    moreQuotes: answered.reduce((sum, a) => sum + a.moreQuotes, 0),
  };
}
