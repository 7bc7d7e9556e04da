import type { Article } from "../corpus/article.ts";

/** How a new article list differs from the articles a full build was made of. */
export interface CorpusChange {
  /** New articles, and new versions of changed ones, in the order given. */
  added: Article[];
  /** Positions in the built list of articles gone, or replaced by a new version. */
  removed: Set<number>;
  /** Whether the articles kept are in the order they were built in. */
  inOrder: boolean;
}

/** Whether two articles would analyse and list alike. */
export function sameArticle(a: Article, b: Article): boolean {
  if (a === b) return true;
  if (
    a.id !== b.id ||
    a.title !== b.title ||
    a.publisher !== b.publisher ||
    a.url !== b.url ||
    a.published !== b.published ||
    a.language !== b.language ||
    a.paragraphs.length !== b.paragraphs.length
  )
    return false;
  return a.paragraphs.every((p, i) => p === b.paragraphs[i]);
}

/** What changed from `built` to `next`, matching articles by id (one pass over each). */
export function corpusChange(built: readonly Article[], next: readonly Article[]): CorpusChange {
  const position = new Map<string, number>();
  for (let i = 0; i < built.length; i++) position.set(built[i]!.id, i);
  const kept = new Uint8Array(built.length);
  const added: Article[] = [];
  let inOrder = true;
  let last = -1;
  for (const article of next) {
    const i = position.get(article.id);
    if (i !== undefined && !kept[i] && sameArticle(built[i]!, article)) {
      kept[i] = 1;
      if (i < last) inOrder = false;
      last = i;
    } else {
      added.push(article);
    }
  }
  const removed = new Set<number>();
  for (let i = 0; i < built.length; i++) if (!kept[i]) removed.add(i);
  return { added, removed, inOrder };
}
