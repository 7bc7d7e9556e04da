import { describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/ingest-error.ts";
import { parseFeed } from "../../src/ingest/parse-feed.ts";
import { type NewsSite, startNewsSite } from "../helpers/news-site.ts";

describe("parseFeed", () => {
  let site: NewsSite;
  const feedText = async (path: string) => (await fetch(site.url(path))).text();

  it("reads RSS items: link, title (markup removed), date from pubDate or dc:date", async () => {
    site = await startNewsSite();
    try {
      const feed = parseFeed(await feedText("/feed.rss"), site.url("/feed.rss"));
      expect(feed.format).toBe("rss");
      expect(feed.title).toBe("The Kyiv Ledger – World");
      expect(feed.items).toEqual([
        {
          link: site.url("/news/talks-stall"),
          title: "Grain corridor talks stall as Ankara presses both sides",
          published: "2024-09-12",
        },
        {
          link: site.url("/news/envoy-visit"),
          title: "Envoy visit raises hopes of prisoner exchange",
          published: "2024-09-14",
        },
        {
          link: site.url("/news/item-three"),
          title: "Power cuts to end by the weekend, grid operator says",
          published: "2024-09-16",
        },
        {
          link: site.url("/news/taken-down"),
          title: "A story the site has since taken down",
          published: null,
        },
      ]);

      const atom = parseFeed(await feedText("/feed.atom"), site.url("/feed.atom"));
      expect(atom.format).toBe("atom");
      expect(atom.title).toBe("Energy Wire");
      expect(atom.items).toEqual([
        { link: site.url("/news/changing"), title: "Gas storage update", published: "2024-10-02" },
        {
          link: site.url("/news/item-three"),
          title: "Power cuts to end by the weekend",
          published: "2024-09-16",
        },
      ]);
    } finally {
      await site.close();
    }
  });

  it("skips items without an http(s) link and repeats", () => {
    const rss = `<rss version="2.0"><channel><title>T</title>
      <item><title>No link</title></item>
      <item><title>Mail</title><link>mailto:desk@example.org</link></item>
      <item><title>A</title><link>https://a.example/1</link></item>
      <item><title>A again</title><link>https://a.example/1</link></item>
      <item><title>Permalink guid</title><guid>https://a.example/2</guid></item>
    </channel></rss>`;
    const feed = parseFeed(rss, "https://a.example/feed");
    expect(feed.items.map((i) => i.link)).toEqual(["https://a.example/1", "https://a.example/2"]);
  });

  it("says why something is not a feed", () => {
    let error: unknown;
    try {
      parseFeed("<html><body>Hello</body></html>", "https://a.example/");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("NOT_A_FEED");
    expect((error as IngestError).message).toMatch(/^not a feed: /);
  });
});
