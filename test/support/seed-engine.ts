import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Article, createEngine, type Engine, parseArticle } from "../../src/index.ts";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CORPUS_DIR = join(ROOT, "corpus");
export const SEED_FILE = join(CORPUS_DIR, "kursk-negotiation-landscape.md");

let seed: Article | undefined;

/** The shipped seed article, parsed from corpus/. */
export function seedArticle(): Article {
  if (!seed) {
    const parsed = parseArticle(readFileSync(SEED_FILE, "utf8"));
    if (!parsed.ok) throw new Error(`seed article does not parse: ${parsed.problems.join("; ")}`);
    seed = parsed.article;
  }
  return seed;
}

/** An engine over the seed article (building one takes a moment: share it within a file). */
export function seedEngine(options: Partial<Parameters<typeof createEngine>[0]> = {}): Engine {
  return createEngine({ articles: [seedArticle()], ...options });
}

/** The verbatim invariant: every quote is its paragraph's own characters at its offsets. */
export function quotesAreVerbatim(
  engineArticles: readonly Article[],
  quotes: readonly {
    text: string;
    start: number;
    end: number;
    source: { articleId: string; paragraph: number };
  }[],
): boolean {
  return quotes.every((q) => {
    const article = engineArticles.find((a) => a.id === q.source.articleId);
    const body = article?.paragraphs[q.source.paragraph - 1];
    return body !== undefined && q.text.length > 0 && body.slice(q.start, q.end) === q.text;
  });
}
