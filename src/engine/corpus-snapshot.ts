import type { Article } from "../corpus/article.ts";
import type { IndexedPassage, LexicalIndex, LexicalIndexFactory } from "../search/lexical-index.ts";
import { createMiniSearchIndex } from "../search/minisearch-index.ts";
import { attributeSpeakers } from "../speakers/attribute-speakers.ts";
import { nameKey } from "../speakers/name-key.ts";
import { analyzeText, words } from "../text/analyze.ts";
import { splitSentences } from "../text/split-sentences.ts";
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
}

export function buildSnapshot(
  articles: readonly Article[],
  indexFactory: LexicalIndexFactory = createMiniSearchIndex,
): CorpusSnapshot {
  const passages: Passage[] = [];
  const indexed: IndexedPassage[] = [];
  const wordKeys = new Set<string>();
  const paragraphPassages = new Map<string, number[]>();
  const attributions = articles.map((article) => {
    const sentences = article.paragraphs.map(splitSentences);
    return { sentences, ...attributeSpeakers(article.paragraphs, sentences) };
  });
  const speakers = buildSpeakerDirectory(
    attributions.map((a, i) => ({ articleId: articles[i]!.id, ...a })),
  );

  articles.forEach((article, a) => {
    const { sentences, statements } = attributions[a]!;
    const said = new Map(statements.map((s) => [`${s.paragraph}:${s.sentence}`, s]));
    article.paragraphs.forEach((text, p) => {
      for (const w of words(text)) wordKeys.add(nameKey(w));
      const paragraphTerms = analyzeText(text).join(" ");
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
          ...span,
          speaker,
          role: statement?.role ?? null,
        });
        const who = speaker >= 0 ? `${speakers.get(speaker).name} ${statement?.role ?? ""}` : "";
        indexed.push({
          id,
          text: analyzeText(text.slice(span.start, span.end)).join(" "),
          context: `${paragraphTerms} ${analyzeText(who).join(" ")}`,
        });
      });
      paragraphPassages.set(`${a}:${p + 1}`, ids);
    });
  });
  for (const p of passages) if (p.speaker >= 0) speakers.get(p.speaker).statements.push(p.id);
  return {
    articles,
    passages,
    speakers,
    index: indexFactory(indexed),
    wordKeys,
    paragraphPassages,
  };
}
