import { readFileSync } from "node:fs";
import type { Answer } from "../../src/answer/answer.ts";
import { buildQuote } from "../../src/answer/build-quote.ts";
import type { Article } from "../../src/corpus/article.ts";
import { parseArticle } from "../../src/corpus/parse-article.ts";
import type { RetrievedPassage, RetrievedSentence } from "../../src/engine/composer.ts";

/** The seed article, read as the corpus holds it. */
export function seedArticle(): Article {
  const parsed = parseArticle(
    readFileSync(new URL("../../corpus/kursk-negotiation-landscape.md", import.meta.url), "utf8"),
  );
  if (!parsed.ok) throw new Error(`seed article does not parse: ${parsed.problems.join("; ")}`);
  return parsed.article;
}

/** Who speaks in the paragraphs the tests use (what the engine's attribution would say). */
const SPEAKERS: Record<number, [string, string | null]> = {
  9: ["Vladimir Putin", "Russian President"],
  11: ["Vladimir Putin", "Russian President"],
  12: ["Sergey Lavrov", "Foreign Minister"],
  13: ["Yuri Ushakov", "presidential aide for foreign policy"],
  14: ["Dmitry Medvedev", "former Russian President"],
};

/**
 * A passage as retrieval would hand it to a composer: the paragraph verbatim, split into
 * sentences at ". " boundaries (good enough for these paragraphs).
 */
export function passage(article: Article, id: string, paragraph: number): RetrievedPassage {
  const text = article.paragraphs[paragraph - 1];
  if (text === undefined) throw new Error(`no paragraph ${paragraph}`);
  const [speaker, speakerRole] = SPEAKERS[paragraph] ?? [null, null];
  const sentences: RetrievedSentence[] = [];
  const boundary = /(?<=[.?!]["”]?)\s+(?=["“A-Z])/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    sentences.push({ start, end: match.index, speaker, speakerRole });
    start = match.index + match[0].length;
  }
  sentences.push({ start, end: text.length, speaker, speakerRole });
  return { id, article, paragraph, text, sentences, score: 1 };
}

/** A stand-in for the engine's extractive answer: the first sentence of the first passage. */
export function extractiveAnswer(question: string, passages: RetrievedPassage[]): Answer {
  const first = passages[0];
  const sentence = first?.sentences[0];
  const quote =
    first && sentence
      ? buildQuote(
          first.article,
          first.paragraph,
          sentence.start,
          sentence.end,
          sentence.speaker,
          sentence.speakerRole,
        )
      : null;
  return {
    status: quote ? "answered" : "not_found",
    question,
    text: quote ? quote.text : "The corpus does not say.",
    quotes: quote ? [quote] : [],
    mode: "extractive",
    speaker: null,
    moreQuotes: 0,
  };
}

/** The verbatim invariant: every quote is exactly its paragraph's characters at its offsets. */
export function quotesAreVerbatim(answer: Answer, article: Article): boolean {
  return answer.quotes.every(
    (q) =>
      q.source.articleId === article.id &&
      q.text.length > 0 &&
      article.paragraphs[q.source.paragraph - 1]?.slice(q.start, q.end) === q.text,
  );
}
