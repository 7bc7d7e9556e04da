import {
  type Answer,
  type Article,
  type AskOptions,
  buildQuote,
  type Engine,
  type Quote,
  type SpeakerSummary,
} from "../../src/index.ts";

/**
 * A small stand-in Engine over given articles: quotes every paragraph that shares a word of
 * four letters or more with the question, in order, paged by offset. For tests that need
 * exact control (counts, paging, failures); end-to-end tests use the real engine.
 */
export function createPagedEngine(
  articles: readonly Article[],
  speakers: SpeakerSummary[] = [],
): Engine & { asked: { question: string; options: AskOptions }[] } {
  const asked: { question: string; options: AskOptions }[] = [];
  return {
    asked,
    maxQuestionLength: 1000,
    async ask(question, options = {}): Promise<Answer> {
      asked.push({ question, options });
      const words = (question.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter(
        (w) => !["what", "said", "about", "does", "with"].includes(w),
      );
      const all: Quote[] = [];
      for (const article of articles) {
        article.paragraphs.forEach((text, i) => {
          if (words.some((w) => text.toLowerCase().includes(w))) {
            const quote = buildQuote(article, i + 1, 0, text.length, null, null);
            if (quote) all.push(quote);
          }
        });
      }
      const offset = options.offset ?? 0;
      const max = options.maxQuotes ?? 3;
      const quotes = all.slice(offset, offset + max);
      const base = { question, mode: "extractive" as const, speaker: null };
      if (quotes.length === 0) {
        const reason = `The articles I have don't say anything about "${question}".`;
        return { ...base, status: "not_found", text: reason, reason, quotes: [], moreQuotes: 0 };
      }
      return {
        ...base,
        status: "answered",
        text: quotes.map((q) => q.text).join("\n"),
        quotes,
        moreQuotes: Math.max(0, all.length - offset - quotes.length),
      };
    },
    articles: () =>
      articles.map((a) => ({
        id: a.id,
        title: a.title,
        publisher: a.publisher,
        url: a.url,
        published: a.published,
        language: a.language,
        paragraphs: a.paragraphs.length,
        speakers: [],
      })),
    speakers: () => speakers,
    suggestSpeakers: (query, limit = 25) =>
      speakers.filter((s) => s.name.toLowerCase().includes(query.toLowerCase())).slice(0, limit),
    describeCorpus: () => `${articles.length} article(s) about the war in Ukraine.`,
    replaceArticles() {},
  };
}
