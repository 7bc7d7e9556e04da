import { beforeAll, describe, expect, it } from "vitest";
import { LIST_PER_PAGE, listArticles } from "../../src/cli/list-articles.ts";
import {
  createSpeakerSuggester,
  foldForSuggestion,
  MAX_SUGGESTIONS,
} from "../../src/engine/speaker-suggester.ts";
import { type Article, pageOf, type SpeakerSummary, withListings } from "../../src/index.ts";
import {
  countReads,
  type Listings,
  listingEngine,
  TEN_THOUSAND,
  tenThousandListings,
} from "../support/ten-thousand-corpus.ts";

/**
 * Complexity by counting, at 10,000 articles: what a request reads must be bounded by
 * what it returns (a page, a handful of suggestions), never by the size of the corpus.
 */
let listings: Listings;
beforeAll(async () => {
  listings = await tenThousandListings();
}, 120_000);

/** The prefix look-up reads at most this many keys per index, whatever the corpus. */
const KEYS_PER_LOOKUP = 64 + MAX_SUGGESTIONS;

/** What the suggester must return: the same rules, by brute force over every speaker. */
function bruteForce(speakers: readonly SpeakerSummary[], query: string, limit: number) {
  const q = foldForSuggestion(query);
  const tails = (text: string) => {
    const words = foldForSuggestion(text).split(" ");
    return words.map((_, i) => words.slice(i).join(" "));
  };
  const byName = speakers.filter((s) => tails(s.name).some((t) => t.startsWith(q)));
  const byRole = speakers.filter(
    (s) => !byName.includes(s) && s.roles.some((r) => tails(r).some((t) => t.startsWith(q))),
  );
  return [...byName, ...byRole].slice(0, limit).map((s) => s.name);
}

describe("listings at 10,000 articles, by counting work", () => {
  it("the generated corpus really is that large", () => {
    expect(listings.articles).toHaveLength(TEN_THOUSAND);
    expect(listings.speakers.length).toBeGreaterThan(20 * KEYS_PER_LOOKUP);
  });

  it("withListings reads the engine's lists once per corpus, not per request", async () => {
    const { engine: inner, calls } = listingEngine(listings);
    const engine = withListings(inner);
    const first = engine.articles();
    for (let i = 0; i < 100; i++) {
      expect(engine.articles()).toBe(first);
      engine.speakers();
      engine.suggestSpeakers("mi", 25);
    }
    expect(calls).toEqual({ articles: 1, speakers: 1 });
    expect(Object.isFrozen(first)).toBe(true);

    const fewer = listings.articles.slice(0, 3).map(
      (a): Article => ({
        id: a.id,
        title: a.title,
        publisher: a.publisher,
        url: a.url,
        published: a.published,
        language: a.language,
        paragraphs: ["One paragraph."],
      }),
    );
    await engine.replaceArticles(fewer);
    expect(engine.articles().map((a) => a.id)).toEqual(fewer.map((a) => a.id));
    expect(calls.articles).toBe(2);
    // The rest is made ahead of the first request that needs it, on the next turns.
    expect(calls.speakers).toBe(1);
    for (let turn = 0; turn < 3; turn++) await new Promise((r) => setImmediate(r));
    expect(calls).toEqual({ articles: 2, speakers: 2 });
    engine.speakers();
    expect(calls.speakers).toBe(2);
  });

  it("a page of articles reads the page", () => {
    const counts = { articles: 0, speakers: 0 };
    const articles = countReads(Object.freeze([...listings.articles]), counts, "articles");
    const last = pageOf(articles, 1_000, 10);
    expect(last.items.at(-1)?.id).toBe(listings.articles.at(-1)?.id);
    expect(last).toMatchObject({ page: 1_000, pages: 1_000, total: TEN_THOUSAND, first: 9_990 });
    expect(counts.articles).toBe(10);
  });

  it("corpus list reads its page; --all reads everything (so the counter counts)", () => {
    const counts = { articles: 0, speakers: 0 };
    const articles = countReads(listings.articles, counts, "articles");
    const page = listArticles(articles, { page: 3, perPage: LIST_PER_PAGE, all: false });
    expect(counts.articles).toBeLessThanOrEqual(LIST_PER_PAGE);
    expect(page.text).toContain(listings.articles[2 * LIST_PER_PAGE]?.id);
    expect(page.note).toContain("page 3 of 200");
    expect(page.note).toContain("--page 4");
    expect(JSON.parse(page.json)).toHaveLength(LIST_PER_PAGE);

    counts.articles = 0;
    const all = listArticles(articles, { page: 1, perPage: LIST_PER_PAGE, all: true });
    expect(counts.articles).toBeGreaterThanOrEqual(TEN_THOUSAND);
    expect(all.note).toBeNull();
  });

  it("autocomplete reads a bounded number of keys for every one- and two-letter prefix", () => {
    const suggester = createSpeakerSuggester(listings.speakers);
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const prefixes = [...letters].flatMap((a) => [a, ...[...letters].map((b) => a + b)]);
    let worst = 0;
    for (const prefix of prefixes) {
      const before = suggester.visited;
      suggester.suggest(prefix, MAX_SUGGESTIONS);
      worst = Math.max(worst, suggester.visited - before);
    }
    expect(worst).toBeLessThanOrEqual(2 * KEYS_PER_LOOKUP);
    expect(worst).toBeGreaterThan(0);
  });

  it("autocomplete suggests what a scan of every speaker would, in the same order", () => {
    const suggester = createSpeakerSuggester(listings.speakers);
    const sample = listings.speakers.filter((_, i) => i % 97 === 0);
    const queries = [
      "a",
      "mi",
      "minister",
      "deputy prime",
      "Prime Min",
      ...sample.map((s) => s.name.split(" ").at(-1)?.slice(0, 3) ?? ""),
      ...sample.map((s) => s.name),
      ...sample.map((s) => s.name.toUpperCase().slice(0, 6)),
    ];
    for (const query of queries) {
      expect(
        suggester.suggest(query, MAX_SUGGESTIONS).map((s) => s.name),
        query,
      ).toEqual(bruteForce(listings.speakers, query, MAX_SUGGESTIONS));
    }
  });

  it("autocomplete folds case, accents and hyphens", () => {
    const speakers: SpeakerSummary[] = [
      {
        name: "Jean-Claude Juncker",
        kind: "person",
        roles: ["Commission President"],
        statements: 3,
      },
      { name: "Zoë Ångström", kind: "person", roles: [], statements: 2 },
    ];
    const suggester = createSpeakerSuggester(speakers);
    expect(suggester.suggest("claude j").map((s) => s.name)).toEqual(["Jean-Claude Juncker"]);
    expect(suggester.suggest("ANGS").map((s) => s.name)).toEqual(["Zoë Ångström"]);
    expect(suggester.suggest("commission").map((s) => s.name)).toEqual(["Jean-Claude Juncker"]);
    expect(suggester.suggest("").map((s) => s.name)).toHaveLength(2);
    expect(suggester.suggest("nobody")).toEqual([]);
  });
});
