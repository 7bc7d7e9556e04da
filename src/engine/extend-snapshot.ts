import type { Article } from "../corpus/article.ts";
import { postingsOf } from "../search/bm25-index.ts";
import { bm25IndexWithSegment } from "../search/bm25-segments.ts";
import type { ArticleAnalysis } from "./article-analysis.ts";
import {
  addArticlePassages,
  type CorpusSnapshot,
  type Passage,
  passageBuilder,
} from "./corpus-snapshot.ts";
import { extendSpeakerDirectory } from "./extend-speaker-directory.ts";

/**
 * `base` with a few articles added and some removed, made in proportion to the change
 * rather than the corpus: the added articles' passages take the ids after the base's and
 * are indexed as a small segment beside the base's index (bm25-segments.ts); the removed
 * articles' passages stay in place, masked in the index and left out of their speakers'
 * statements, and their articles are listed in `removed`. Every passage id of the base
 * keeps meaning the same sentence.
 *
 * Null when the base's index cannot take a segment (minisearch): then only a full build
 * will do. `base` must itself be a full build (no `removed`).
 */
export function extendSnapshot(
  base: CorpusSnapshot,
  added: readonly Article[],
  removedIndexes: ReadonlySet<number>,
  analyze: (article: Article) => ArticleAnalysis,
): CorpusSnapshot | null {
  if (base.removed && base.removed.size > 0) throw new Error("extendSnapshot takes a full build");
  if (!postingsOf(base.index)) return null;
  const deleted = new Set<number>();
  const removedIds = new Set<string>();
  for (const a of removedIndexes) {
    const article = base.articles[a]!;
    removedIds.add(article.id);
    for (let p = 1; p <= article.paragraphs.length; p++)
      for (const id of base.paragraphPassages.get(`${a}:${p}`) ?? []) deleted.add(id);
  }
  const analyses = added.map((article) => analyze(article));
  const speakers = extendSpeakerDirectory(
    base.speakers,
    analyses.map((a, i) => ({ articleId: added[i]!.id, ...a })),
    deleted,
    removedIds,
  );
  const builder = passageBuilder(
    base.passages.slice() as Passage[],
    new Map(base.paragraphPassages as Map<string, number[]>),
    new Set(base.wordKeys),
  );
  const first = base.passages.length;
  added.forEach((article, i) => {
    addArticlePassages(builder, article, base.articles.length + i, analyses[i]!, speakers);
  });
  const index = bm25IndexWithSegment(base.index, builder.indexed, deleted)!;
  for (let id = first; id < builder.passages.length; id++) {
    const p = builder.passages[id]!;
    if (p.speaker >= 0) speakers.get(p.speaker).statements.push(id);
  }
  return {
    articles: [...base.articles, ...added],
    passages: builder.passages,
    speakers,
    index,
    wordKeys: builder.wordKeys,
    paragraphPassages: builder.paragraphPassages,
    removed: removedIndexes,
  };
}
