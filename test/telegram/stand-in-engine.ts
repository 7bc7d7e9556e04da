import type { Article } from "../../src/corpus/article.ts";
import { loadCorpus } from "../../src/corpus/load-corpus.ts";
import { type Answer, type AskOptions, buildQuote, type Engine } from "../../src/index.ts";

const SPEAKERS: Record<string, string> = {
  ushakov: "Yuri Ushakov",
  lavrov: "Sergey Lavrov",
  putin: "Vladimir Putin",
  podolyak: "Mykhailo Podolyak",
};

/**
 * A small engine over the shipped corpus, until the real one lands: quotes whole
 * paragraphs that name the speaker asked about, honours follow-up context.
 */
export async function standInEngine(corpusDir = "corpus"): Promise<Engine> {
  const { articles } = await loadCorpus(corpusDir);
  const ask = async (question: string, options: AskOptions = {}): Promise<Answer> => {
    const key = Object.keys(SPEAKERS).find((k) => question.toLowerCase().includes(k));
    const speaker = key
      ? (SPEAKERS[key] ?? null)
      : /what else/i.test(question)
        ? (options.context?.speaker ?? null)
        : null;
    const base = { question, mode: "extractive" as const, speaker, moreQuotes: 0 };
    if (speaker === null) {
      const reason = "The articles I have don't say. They cover Ukraine's Kursk operation.";
      return { ...base, status: "not_found", text: reason, reason, quotes: [] };
    }
    const surname = speaker.split(" ").pop() ?? speaker;
    const seen = /what else/i.test(question) ? (options.context?.seen ?? []) : [];
    const quotes = articles
      .flatMap((article: Article) =>
        article.paragraphs.map((p, i) =>
          p.includes(surname) ? buildQuote(article, i + 1, 0, p.length, speaker, null) : null,
        ),
      )
      .filter((q) => q !== null)
      .filter((q) => !seen.some((s) => s.paragraph === q.source.paragraph && s.start === q.start));
    const shown = quotes.slice(0, options.maxQuotes ?? 3);
    return {
      ...base,
      status: "answered",
      text: shown.map((q) => q.text).join("\n"),
      quotes: shown,
      moreQuotes: quotes.length - shown.length,
    };
  };
  return {
    ask,
    articles: () =>
      articles.map((a) => ({
        id: a.id,
        title: a.title,
        publisher: a.publisher,
        url: a.url,
        published: a.published,
        language: a.language,
        paragraphs: a.paragraphs.length,
        speakers: Object.values(SPEAKERS),
      })),
    speakers: () =>
      Object.values(SPEAKERS).map((name) => ({
        name,
        kind: "person" as const,
        roles: [],
        statements: 1,
      })),
    suggestSpeakers: () => [],
    describeCorpus: () => "The articles cover Ukraine's Kursk operation and talks with Russia.",
    maxQuestionLength: 1000,
    replaceArticles: () => {},
  };
}
