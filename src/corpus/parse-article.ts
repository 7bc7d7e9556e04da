import { parse as parseYaml } from "yaml";
import { type Article, ArticleMetaSchema } from "./article.ts";

export type ParseArticleResult = { ok: true; article: Article } | { ok: false; problems: string[] };

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Reads one corpus file: YAML front matter between `---` lines, then the body, one
 * paragraph per line (blank lines between paragraphs are allowed and ignored). Paragraph
 * text is kept exactly as written: no trimming, no quote or dash rewriting.
 */
export function parseArticle(text: string): ParseArticleResult {
  if (text.includes("\u0000")) return { ok: false, problems: ["binary content (NUL bytes)"] };
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return { ok: false, problems: ["missing front matter: the file must start with a --- block"] };
  }
  let meta: unknown;
  try {
    meta = parseYaml(match[1] ?? "");
  } catch (error) {
    return { ok: false, problems: [`front matter is not valid YAML: ${(error as Error).message}`] };
  }
  const parsed = ArticleMetaSchema.safeParse(meta ?? {});
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "front matter"}: ${issue.message}`,
      );
  const paragraphs = text
    .slice(match[0].length)
    .split("\n")
    .map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line))
    .filter((line) => line.trim() !== "");
  if (paragraphs.length === 0) problems.push("body: no paragraphs after the front matter");
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, article: { ...parsed.data, paragraphs } };
}
