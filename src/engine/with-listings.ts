import type { Engine, SpeakerSummary } from "./engine.ts";
import { createSpeakerSuggester, type SpeakerSuggester } from "./speaker-suggester.ts";

interface Listings {
  articles: ReturnType<Engine["articles"]>;
  speakers: readonly SpeakerSummary[];
  suggester: SpeakerSuggester;
}

/**
 * The engine, with what /sources, `corpus list` and autocomplete read made once per corpus
 * instead of once per request: the article and speaker lists (the same arrays until the
 * corpus changes, so a face slices its page out of them) and a prefix index for
 * suggestions. They are made again after `replaceArticles`, on the loop's next turn, so the
 * first request after a refresh does not pay for them either.
 *
 * `loadEngine` returns an engine wrapped in this; a face works with either, only slower.
 */
export function withListings(engine: Engine): Engine {
  let listings: Listings | null = null;
  let version = 0;
  const current = (): Listings => {
    if (listings === null) {
      // Frozen: every caller gets these very arrays until the corpus changes.
      const speakers = Object.freeze(engine.speakers());
      listings = {
        articles: Object.freeze(engine.articles()),
        speakers,
        suggester: createSpeakerSuggester(speakers),
      };
    }
    return listings;
  };
  const renew = () => {
    listings = null;
    const mine = ++version;
    setImmediate(() => {
      if (mine === version) current();
    });
  };
  current();
  return {
    get maxQuestionLength() {
      return engine.maxQuestionLength;
    },
    ask: (question, options) => engine.ask(question, options),
    articles: () => current().articles,
    speakers: () => current().speakers,
    statements: () => engine.statements(),
    suggestSpeakers: (query, limit) => current().suggester.suggest(query, limit),
    describeCorpus: () => engine.describeCorpus(),
    // Forgotten before and after the swap, which may end later than this call returns.
    replaceArticles: ((articles) => {
      listings = null;
      const swapped: unknown = engine.replaceArticles(articles);
      renew();
      return swapped instanceof Promise ? swapped.finally(renew) : swapped;
    }) as Engine["replaceArticles"],
  };
}
