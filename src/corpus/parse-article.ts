import { type Article, ArticleMetaSchema } from "./article.ts";
import { describeMetaIssues } from "./describe-meta-issues.ts";
import { readFrontMatter } from "./read-front-matter.ts";

export type ParseArticleResult = { ok: true; article: Article } | { ok: false; problems: string[] };

/**
 * Reads one corpus file: YAML front matter between `---` lines, then the body, one
 * paragraph per line (blank lines between paragraphs are allowed and ignored). Paragraph
 * text is kept exactly as written: no trimming, no quote or dash rewriting.
 */
export function parseArticle(text: string): ParseArticleResult {
  if (text.includes("\u0000")) return { ok: false, problems: ["binary content (NUL bytes)"] };
  const front = readFrontMatter(text);
  if (front.kind === "none") {
    return {
      ok: false,
      problems: ["no front matter: a corpus file starts with a line ---, its fields, and ---"],
    };
  }
  if (front.kind === "bad") return { ok: false, problems: [front.problem] };
  const parsed = ArticleMetaSchema.safeParse(front.data);
  const problems = parsed.success ? [] : describeMetaIssues(parsed.error.issues, front.data);
  const paragraphs = lineParagraphs(front.body);
  if (paragraphs.length === 0) problems.push("no paragraphs after the front matter");
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  // Every string parsed here (each line, each front-matter value) is a slice of the whole
  // file, which keeps its text alive as long as the article: copies of their own let it
  // go (about 20 MB at 10,000 articles). A JSON round trip copies strings exactly, lone
  // surrogates too, and an article is plain strings.
  const article: Article = JSON.parse(JSON.stringify({ ...parsed.data, paragraphs }));
  return { ok: true, article };
}

/** The corpus format's body: each non-blank line a paragraph, as written (a CR dropped). */
export function lineParagraphs(body: string): string[] {
  return body
    .split("\n")
    .map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line))
    .filter((line) => line.trim() !== "");
}
