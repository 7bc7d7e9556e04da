import { z } from "zod";
import { type Article, ArticleMetaSchema } from "./article.ts";
import { describeMetaIssues } from "./describe-meta-issues.ts";
import { lineParagraphs } from "./parse-article.ts";
import { readFrontMatter } from "./read-front-matter.ts";

/** The metadata a person may give for a file (`corpus add story.txt --publisher …`). */
export const FILE_META_KEYS = ["id", "title", "publisher", "url", "published", "language"] as const;

export const FileMetaSchema = z.object(
  Object.fromEntries(FILE_META_KEYS.map((key) => [key, z.string().optional()])) as Record<
    (typeof FILE_META_KEYS)[number],
    z.ZodOptional<z.ZodString>
  >,
);
export type FileMeta = Partial<Record<(typeof FILE_META_KEYS)[number], string>>;

export type ArticleFromTextResult =
  | { ok: true; article: Omit<Article, "id">; id: string | undefined }
  | { ok: false; problems: string[] };

/** A file's language when neither its front matter nor `--language` says. */
export const DEFAULT_FILE_LANGUAGE = "en";

const FileArticleSchema = ArticleMetaSchema.partial({ id: true });

/**
 * An article from a file a person wrote or saved: a corpus file (front matter), or plain
 * text or Markdown without it. `meta` fills in or overrides the front matter. Without a
 * title, the first non-blank line is the title ("# Heading" in Markdown) and not a
 * paragraph. Paragraphs are kept as written: after front matter one per line (the corpus
 * format); without it, the blocks between blank lines, a line break inside a block read
 * as a space (hard-wrapped text), or each line when the text has no blank line.
 */
export function articleFromText(
  text: string,
  options: { markdown: boolean; meta?: FileMeta; howToGive?: (keys: string[]) => string },
): ArticleFromTextResult {
  if (text.includes("\u0000")) return { ok: false, problems: ["binary content (NUL bytes)"] };
  const front = readFrontMatter(text);
  if (front.kind === "bad") return { ok: false, problems: [front.problem] };
  const given = Object.fromEntries(
    Object.entries(options.meta ?? {}).filter(([, value]) => value !== undefined),
  );
  const fields: Record<string, unknown> = {
    language: DEFAULT_FILE_LANGUAGE,
    ...(front.kind === "ok" ? front.data : {}),
    ...given,
  };
  const lines = front.body.split("\n").map((line) => line.replace(/\r$/, ""));
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first !== -1) {
    const headline = headlineOf(lines[first]!, options.markdown);
    const title = typeof fields.title === "string" ? fields.title.trim() : "";
    // A title given for a plain file may repeat its first line: that line is the headline.
    if (title === "" || (front.kind === "none" && title === headline)) {
      fields.title = headline;
      lines.splice(first, 1);
    }
  }
  const body = lines.join("\n");
  const paragraphs = front.kind === "ok" ? lineParagraphs(body) : blockParagraphs(lines);
  const parsed = FileArticleSchema.safeParse(fields);
  const problems = parsed.success
    ? []
    : describeMetaIssues(parsed.error.issues, fields, options.howToGive);
  if (paragraphs.length === 0) problems.push("no paragraphs after the title");
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const { id, ...meta } = parsed.data;
  return { ok: true, article: { ...meta, paragraphs }, id };
}

/** A title line as shown: Markdown's "# " and closing "#"s dropped, spaces trimmed. */
function headlineOf(line: string, markdown: boolean): string {
  const text = line.trim();
  if (!markdown) return text;
  return text.replace(/^#{1,6}\s+/, "").replace(/\s+#+$/, "");
}

function blockParagraphs(lines: readonly string[]): string[] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else block.push(line);
  }
  if (block.length > 0) blocks.push(block);
  if (blocks.length === 1) return blocks[0]!;
  // Only the line breaks change: each, with the spaces around it, becomes one space.
  return blocks.map((b) =>
    b.length === 1 ? b[0]! : b.map((line, i) => (i === 0 ? line.trimEnd() : line.trim())).join(" "),
  );
}
