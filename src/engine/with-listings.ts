import type { ArticleSummary, Engine, SpeakerSummary } from "./engine.ts";
import { createSpeakerSuggester, type SpeakerSuggester } from "./speaker-suggester.ts";

/** What one corpus's listings hold, each made on first use (or ahead, see `prepare`). */
interface Listings {
  articles?: readonly ArticleSummary[];
  speakers?: readonly SpeakerSummary[];
  suggester?: SpeakerSuggester;
}

/**
 * The engine, with what /sources, `corpus list` and autocomplete read made once per corpus
 * instead of once per request: the article and speaker lists (the same frozen arrays until
 * the corpus changes, so a face slices its page out of them) and a prefix index for
 * suggestions. After the start and after each `replaceArticles` they are made ahead of the
 * first request, one per turn of the event loop (at 10,000 articles about 30, 10 and 80 ms), so no request
 * pays for them and no single turn holds the loop for all three.
 *
 * `loadEngine` returns an engine wrapped in this; a face works with either, only slower.
 */
export function withListings(engine: Engine): Engine {
  let listings: Listings = {};
  const articles = () => {
    listings.articles ??= Object.freeze(engine.articles());
    return listings.articles;
  };
  const speakers = () => {
    listings.speakers ??= Object.freeze(engine.speakers());
    return listings.speakers;
  };
  const suggester = () => {
    listings.suggester ??= createSpeakerSuggester(speakers());
    return listings.suggester;
  };
  const prepare = (steps: ReadonlyArray<() => unknown>) => {
    const mine = listings;
    const [step, ...rest] = steps;
    if (step === undefined) return;
    // Unreferenced: a one-shot process (npm run ask) exits without making lists it never reads.
    setImmediate(() => {
      // A newer corpus came meanwhile: its own preparation runs instead.
      if (listings !== mine) return;
      step();
      prepare(rest);
    }).unref();
  };
  const renew = () => {
    listings = {};
    prepare([articles, speakers, suggester]);
  };
  // Made after the start rather than during it: at 10,000 articles that is 0.4 s sooner
  // answering, and a request that comes first makes what it needs itself.
  prepare([articles, speakers, suggester]);
  return {
    get maxQuestionLength() {
      return engine.maxQuestionLength;
    },
    ask: (question, options) => engine.ask(question, options),
    articles,
    speakers,
    statements: () => engine.statements(),
    suggestSpeakers: (query, limit) => suggester().suggest(query, limit),
    describeCorpus: () => engine.describeCorpus(),
    corpusStatus: () => engine.corpusStatus(),
    // The old snapshot answers, and its lists serve, until the new one is swapped in; a
    // build that fails leaves the old one, and its lists are made again all the same.
    replaceArticles: async (next) => {
      try {
        await engine.replaceArticles(next);
      } finally {
        renew();
      }
      // A change applied in place is followed by its full build: lists again once it is in.
      void engine.merged?.().then((swapped) => {
        if (swapped) renew();
      });
    },
    merged: () => engine.merged?.() ?? Promise.resolve(false),
  };
}
