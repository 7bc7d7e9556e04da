import { stringify } from "yaml";
import type { Article } from "./article.ts";

/** Writes an article in the corpus file format that `parseArticle` reads back unchanged. */
export function formatArticle(article: Article): string {
  const { paragraphs, ...meta } = article;
  const frontMatter = stringify(
    {
      id: meta.id,
      title: meta.title,
      publisher: meta.publisher,
      url: meta.url,
      published: meta.published,
      language: meta.language,
    },
    { lineWidth: 0 },
  );
  return `---\n${frontMatter}---\n${paragraphs.map((p) => p.replace(/\r?\n/g, " ")).join("\n\n")}\n`;
}
