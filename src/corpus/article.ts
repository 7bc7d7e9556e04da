import { z } from "zod";

/** An article as the corpus holds it: metadata plus paragraphs exactly as published. */
export interface Article {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** ISO date (YYYY-MM-DD), or null when the article does not give one. */
  published: string | null;
  language: string;
  /** paragraphs[0] is paragraph 1, the first after the headline. Never trimmed or rewritten. */
  paragraphs: string[];
}

export const ARTICLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** The front matter of a corpus file. Unknown keys are kept out rather than rejected. */
export const ArticleMetaSchema = z.object({
  id: z
    .string()
    .regex(ARTICLE_ID_PATTERN, "lowercase letters, digits and dashes, at most 120 characters"),
  title: z.string().trim().min(1, "must not be empty"),
  publisher: z.string().trim().min(1, "must not be empty"),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  published: z.iso.date({ error: "must be a date YYYY-MM-DD" }).nullable().default(null),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, "a language code such as en"),
});

export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
