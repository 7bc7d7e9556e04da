import type { Article } from "../corpus/article.ts";
import type { Quote, QuoteSource } from "./answer.ts";
import { textFragmentLink } from "./text-fragment-link.ts";

/**
 * The one way a Quote is made: from an article, a paragraph number and offsets, so its text
 * is by construction the paragraph's own characters. Returns null for offsets that do not
 * fit the paragraph.
 */
export function buildQuote(
  article: Article,
  paragraph: number,
  start: number,
  end: number,
  speaker: string | null,
  speakerRole: string | null,
): Quote | null {
  const body = article.paragraphs[paragraph - 1];
  if (body === undefined || start < 0 || end > body.length || start >= end) return null;
  const text = body.slice(start, end);
  return {
    text,
    speaker,
    speakerRole,
    source: quoteSource(article, paragraph),
    link: textFragmentLink(article.url, text),
    start,
    end,
  };
}

/** Where a quote stands: its article's metadata and the paragraph number. */
export function quoteSource(article: Article, paragraph: number): QuoteSource {
  return {
    articleId: article.id,
    title: article.title,
    publisher: article.publisher,
    url: article.url,
    published: article.published,
    paragraph,
  };
}

/** Whether a quote is still exactly what its paragraph holds at its offsets. */
export function quoteIsVerbatim(quote: Quote, article: Article | undefined): boolean {
  const body = article?.paragraphs[quote.source.paragraph - 1];
  return (
    body !== undefined && body.slice(quote.start, quote.end) === quote.text && quote.text.length > 0
  );
}
