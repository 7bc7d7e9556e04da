import type { Article } from "../corpus/article.ts";
import type { IndexedPassage, LexicalIndex, LexicalIndexFactory } from "../search/lexical-index.ts";
import { DEFAULT_SEARCH_INDEX, SEARCH_INDEXES } from "../search/search-indexes.ts";
import { analyzeText } from "../text/analyze.ts";
import { type ArticleAnalysis, analyzeArticle } from "./article-analysis.ts";
import { buildSpeakerDirectory, type SpeakerDirectory } from "./speaker-directory.ts";

/** One sentence (quote-balanced unit) of the corpus: what retrieval ranks and quotes show. */
export interface Passage {
  id: number;
  article: number;
  /** 1-based paragraph number. */
  paragraph: number;
  sentence: number;
  start: number;
  end: number;
  /** Speaker id in the directory, or -1 when the sentence reports no one. */
  speaker: number;
  role: string | null;
  /** What marked the statement ("said", "according to"), or null. */
  cue: string | null;
}

/**
 * Everything the engine answers from, built once and never mutated: a refresh builds a
 * new snapshot beside this one and the engine swaps the reference in one step.
 */
export interface CorpusSnapshot {
  articles: readonly Article[];
  passages: readonly Passage[];
  speakers: SpeakerDirectory;
  index: LexicalIndex;
  /** Name keys of every word in the corpus: "is Biden mentioned at all?" */
  wordKeys: ReadonlySet<string>;
  /** Passages of each article paragraph, by `${article}:${paragraph}`. */
  paragraphPassages: ReadonlyMap<string, readonly number[]>;
  /**
   * Articles (by position) removed since the full build this snapshot extends
   * (extend-snapshot.ts): their passages are never found and no speaker's statements;
   * listings leave them out. Absent in a full build.
   */
  removed?: ReadonlySet<number>;
}

/** The articles a snapshot answers from, in corpus order: removed ones left out. */
export function liveArticles(snapshot: CorpusSnapshot): readonly Article[] {
  const { removed } = snapshot;
  if (!removed || removed.size === 0) return snapshot.articles;
  return snapshot.articles.filter((_, a) => !removed.has(a));
}

/** The sentence a passage is: its paragraph's characters at its offsets. */
export function passageText(snapshot: CorpusSnapshot, id: number): string {
  const p = snapshot.passages[id]!;
  return snapshot.articles[p.article]!.paragraphs[p.paragraph - 1]!.slice(p.start, p.end);
}

/**
 * An index made passage by passage (bm25-postings.ts postingsBuilder): a build hands each
 * article's passages over as it makes them, and holds none of their terms.
 */
export interface IndexBuilder {
  add(passage: IndexedPassage): void;
  finish(): LexicalIndex;
}

/**
 * Builds the snapshot of `articles`. `analyze` gives each article's own analysis: by
 * default made afresh; a cache (corpus-cache.ts) can supply it from an earlier run.
 * The index is made by a factory from every passage at the end, or by an IndexBuilder as
 * passages are made.
 */
export function buildSnapshot(
  articles: readonly Article[],
  index: LexicalIndexFactory | IndexBuilder = SEARCH_INDEXES[DEFAULT_SEARCH_INDEX],
  analyze: (article: Article) => ArticleAnalysis = analyzeArticle,
): CorpusSnapshot {
  const streamed = typeof index === "function" ? null : index;
  const builder = passageBuilder([], new Map(), new Set(), streamed?.add);
  // Each analysis is let go once its passages are made: only the terms stay, in `indexed`,
  // so the index is built without every article's sentences and speakers held beside it.
  // Word keys go into the corpus-wide set as each article is analysed: an article's list
  // is hundreds of entries, 1.5 million at 10,000 articles.
  const analyses: (Omit<ArticleAnalysis, "wordKeys"> | undefined)[] = articles.map((article) => {
    const { wordKeys: keys, ...rest } = analyze(article);
    for (const key of keys) builder.wordKeys.add(key);
    return rest;
  });
  const speakers = buildSpeakerDirectory(
    analyses.map((a, i) => ({ articleId: articles[i]!.id, ...a! })),
  );
  articles.forEach((article, a) => {
    addArticlePassages(builder, article, a, analyses[a]!, speakers);
    analyses[a] = undefined;
  });
  for (const p of builder.passages)
    if (p.speaker >= 0) speakers.get(p.speaker).statements.push(p.id);
  return {
    articles,
    passages: builder.passages,
    speakers,
    index: streamed ? streamed.finish() : (index as LexicalIndexFactory)(builder.indexed),
    wordKeys: builder.wordKeys,
    paragraphPassages: builder.paragraphPassages,
  };
}

/** What turning articles into passages adds to, one article at a time. */
export interface PassageBuilder {
  passages: Passage[];
  /** What the lexical index takes, for the passages this builder made (unless given to a sink). */
  indexed: IndexedPassage[];
  /** Where each passage's IndexedPassage goes. */
  index: (passage: IndexedPassage) => void;
  paragraphPassages: Map<string, number[]>;
  wordKeys: Set<string>;
  termsOfWho: (who: string) => string;
  /** One string for every equal role or cue. */
  intern: (text: string | null) => string | null;
}

/**
 * A builder that continues `passages` (whose ids are their positions); each passage's
 * terms go to `sink`, or are collected in `indexed`.
 */
export function passageBuilder(
  passages: Passage[],
  paragraphPassages: Map<string, number[]>,
  wordKeys: Set<string>,
  sink?: (passage: IndexedPassage) => void,
): PassageBuilder {
  // "Name role" strings repeat across a speaker's statements: analyse each once.
  const whoTerms = new Map<string, string>();
  const termsOfWho = (who: string): string => {
    let terms = whoTerms.get(who);
    if (terms === undefined) {
      terms = analyzeText(who).join(" ");
      whoTerms.set(who, terms);
    }
    return terms;
  };
  const indexed: IndexedPassage[] = [];
  const index = sink ?? ((passage: IndexedPassage) => indexed.push(passage));
  // Roles and cues repeat ("said", "Foreign Minister"), and analyses made on another
  // thread arrive as copies: one string each, as a snapshot read from its file has them
  // (at 10,000 articles the copies were about 25 MB).
  const strings = new Map<string, string>();
  const intern = (text: string | null): string | null => {
    if (text === null) return null;
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  return { passages, indexed, index, paragraphPassages, wordKeys, termsOfWho, intern };
}

/**
 * The passages of `article`, the a-th of the corpus, with their speakers from `speakers`
 * (statements are not added to the directory here).
 */
export function addArticlePassages(
  builder: PassageBuilder,
  article: Article,
  a: number,
  // Without its word keys when the caller has added them already (see buildSnapshot).
  analysis: Omit<ArticleAnalysis, "wordKeys"> & Partial<Pick<ArticleAnalysis, "wordKeys">>,
  speakers: SpeakerDirectory,
): void {
  const { passages, index, paragraphPassages, wordKeys, termsOfWho, intern } = builder;
  const { sentences, statements, paragraphTerms, sentenceTerms, wordKeys: keys } = analysis;
  for (const key of keys ?? []) wordKeys.add(key);
  const said = new Map(statements.map((s) => [`${s.paragraph}:${s.sentence}`, s]));
  article.paragraphs.forEach((_text, p) => {
    const ids: number[] = [];
    (sentences[p] ?? []).forEach((span, s) => {
      const statement = said.get(`${p + 1}:${s}`);
      const speaker = statement ? speakers.idOf(article.id, statement.speakerKey) : -1;
      const id = passages.length;
      ids.push(id);
      passages.push({
        id,
        article: a,
        paragraph: p + 1,
        sentence: s,
        start: span.start,
        end: span.end,
        speaker,
        role: intern(statement?.role ?? null),
        cue: intern(statement?.cue ?? null),
      });
      const who = speaker >= 0 ? `${speakers.get(speaker).name} ${statement?.role ?? ""}` : "";
      index({
        id,
        text: sentenceTerms[p]?.[s] ?? "",
        context: `${paragraphTerms[p] ?? ""} ${termsOfWho(who)}`,
      });
    });
    paragraphPassages.set(`${a}:${p + 1}`, ids);
  });
}
