import { z } from "zod";
import type { Quote } from "../answer/answer.ts";

/**
 * Enough of each quote to find it again and to read it without the corpus at hand: what
 * both feedback stores (lowdb, PostgreSQL) keep of an answer's quotes.
 */
export const StoredQuoteSchema = z.object({
  text: z.string(),
  speaker: z.string().nullable(),
  articleId: z.string(),
  title: z.string(),
  paragraph: z.number(),
  start: z.number(),
  end: z.number(),
  link: z.string(),
});

export function storedQuote(quote: Quote): z.infer<typeof StoredQuoteSchema> {
  return {
    text: quote.text,
    speaker: quote.speaker,
    articleId: quote.source.articleId,
    title: quote.source.title,
    paragraph: quote.source.paragraph,
    start: quote.start,
    end: quote.end,
    link: quote.link,
  };
}
