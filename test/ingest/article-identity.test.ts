import { describe, expect, it } from "vitest";
import { ARTICLE_ID_PATTERN } from "../../src/corpus/article.ts";
import {
  normalizeUrl,
  slugify,
  sourceId,
  textHash,
  uniqueId,
} from "../../src/ingest/article-identity.ts";

describe("slugify", () => {
  it("makes a readable id from a title", () => {
    expect(slugify("Grain corridor talks stall as Ankara presses both sides", "x.example")).toBe(
      "grain-corridor-talks-stall-as-ankara-presses-both-sides",
    );
    expect(slugify("Ukraine’s Kursk operation: Zelensky’s “plan”", "x")).toBe(
      "ukraine-s-kursk-operation-zelensky-s-plan",
    );
    expect(slugify("Café société à Kyïv", "x")).toBe("cafe-societe-a-kyiv");
  });

  it("keeps long titles under the id limit, cutting at a word", () => {
    const slug = slugify("word ".repeat(100), "x.example");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug).toMatch(ARTICLE_ID_PATTERN);
  });

  it("falls back to the site and a stable hash for titles without Latin letters", () => {
    const slug = slugify("Переговори щодо зернового коридору", "www.ukr.example");
    expect(slug).toMatch(/^ukr-example-[0-9a-f]{8}$/);
    expect(slugify("Переговори щодо зернового коридору", "www.ukr.example")).toBe(slug);
    expect(slug).toMatch(ARTICLE_ID_PATTERN);
  });
});

describe("uniqueId", () => {
  it("adds the first free number", () => {
    expect(uniqueId("a", new Set())).toBe("a");
    expect(uniqueId("a", new Set(["a", "a-2"]))).toBe("a-3");
  });
});

describe("normalizeUrl", () => {
  it("treats tracking parameters, fragments, www, case, scheme and trailing slash as the same URL", () => {
    const base = normalizeUrl("https://news.example/world/talks?id=7");
    expect(normalizeUrl("http://WWW.News.Example/world/talks/?id=7&utm_source=rss#top")).toBe(base);
    expect(normalizeUrl("https://news.example/world/talks?id=8")).not.toBe(base);
  });
});

describe("textHash", () => {
  it("is the same through quote styles and whitespace, different for other words", () => {
    const a = textHash(["“We cannot wait,” Fidan said.", "Second  paragraph."]);
    expect(textHash(['"We cannot wait," Fidan said.', "Second paragraph."])).toBe(a);
    expect(textHash(['"We can wait," Fidan said.', "Second paragraph."])).not.toBe(a);
  });
});

describe("sourceId", () => {
  it("is stable per location and kind", () => {
    expect(sourceId("feed", "https://a.example/feed?utm_source=x")).toBe(
      sourceId("feed", "https://a.example/feed"),
    );
    expect(sourceId("feed", "https://a.example/feed")).toMatch(/^feed-[0-9a-f]{8}$/);
    expect(sourceId("page", "https://a.example/feed")).not.toBe(
      sourceId("feed", "https://a.example/feed"),
    );
  });
});
