import { describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/ingest-error.ts";
import { parseFeed } from "../../src/ingest/parse-feed.ts";

const FEED_URL = "https://news.example/feed.rss";
const rss = (doctype: string, items: string) =>
  `<?xml version="1.0"?>${doctype}<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;
const item = (title: string, n = 1) =>
  `<item><title>${title}</title><link>https://news.example/a/${n}</link></item>`;

/** What a parse gives, or the IngestError it refuses with: both are acceptable answers. */
function parseOrRefuse(text: string): { titles: string[] } | IngestError {
  try {
    return { titles: parseFeed(text, FEED_URL).items.map((i) => i.title ?? "") };
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
}

describe("hostile feeds", () => {
  it("never reads a file an external entity names (XXE)", () => {
    const text = rss(
      '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      item("Breaking &xxe; news"),
    );
    const result = parseOrRefuse(text);
    if (!(result instanceof IngestError)) {
      for (const title of result.titles) expect(title).not.toMatch(/root:|\/bin\//);
    }
  });

  it("does not expand nested entities into a bomb (billion laughs)", () => {
    const entities = ['<!ENTITY lol "lollollollollollollollollollol">'];
    for (let i = 1; i <= 9; i++) {
      const prev = i === 1 ? "lol" : `lol${i - 1}`;
      entities.push(`<!ENTITY lol${i} "${`&${prev};`.repeat(10)}">`);
    }
    const text = rss(`<!DOCTYPE rss [${entities.join("")}]>`, item("&lol9;"));
    const result = parseOrRefuse(text);
    // Fully expanded, the title would be 3 × 10^9 characters.
    if (!(result instanceof IngestError)) {
      for (const title of result.titles) expect(title.length).toBeLessThan(100_000);
    }
  });

  it("reads a feed of 20,000 items, each with its link", () => {
    const items = Array.from({ length: 20_000 }, (_, n) => item(`Story ${n}`, n)).join("");
    const feed = parseFeed(rss("", items), FEED_URL);
    expect(feed.items).toHaveLength(20_000);
    expect(feed.items[19_999]?.link).toBe("https://news.example/a/19999");
  });
});
