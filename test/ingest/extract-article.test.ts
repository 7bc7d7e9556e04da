import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/ingest/extract-article.ts";
import { IngestError } from "../../src/ingest/ingest-error.ts";
import { MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS } from "../../src/ingest/measure-html.ts";
import { changingPage, fixture } from "../helpers/news-site.ts";

const ORIGIN = "https://ledger.example";
const page = (name: string) => fixture(name).replaceAll("{{origin}}", ORIGIN);

describe("extractArticle", () => {
  const talks = extractArticle(page("talks-stall.html"), `${ORIGIN}/news/talks-stall?from=home`);

  it("reads the metadata: title, byline, date as written, publisher, canonical URL, language", () => {
    expect(talks.title).toBe("Grain corridor talks stall as Ankara presses both sides");
    expect(talks.byline).toBe("Olena Marchuk");
    // 00:30 at +03:00 is still the 11th in UTC; the page's own date is kept.
    expect(talks.published).toBe("2024-09-12");
    expect(talks.publisher).toBe("The Kyiv Ledger");
    expect(talks.canonicalUrl).toBe(`${ORIGIN}/news/talks-stall?utm_source=rss`);
    expect(talks.language).toBe("en-GB");
  });

  it("keeps the article's paragraphs, list items and block quote as published, in order", () => {
    expect(talks.paragraphs).toEqual([
      "Talks on extending the Black Sea grain corridor stalled on Wednesday after a third round in Istanbul ended without a joint statement, officials from both delegations said.",
      "Turkish Foreign Minister Hakan Fidan urged both sides to return within a week. “We cannot let the ships wait while the diplomats argue about commas,” Fidan told reporters after the session.",
      'Ukrainian Deputy Minister Taras Kachka said Kyiv would not accept inspections run by Moscow. "Any inspection regime has to be neutral, or it is a blockade by another name," Kachka said.',
      "Russia's deputy foreign minister, Sergei Vershinin, said the proposal on the table ignored Moscow's concerns about ammonia exports. He did not say when talks would resume.",
      "Shipping insurers have raised war-risk premiums twice since July, according to brokers in London, and several carriers have paused bookings until the corridor's future is clear.",
      "“A corridor that depends on a weekly phone call is not a corridor,” said Iryna Pavlenko, an analyst at the Odesa Maritime Institute.",
      "Pavlenko said exporters had already shifted some cargo to the Danube ports, which handled a record volume in August.",
      "The United Nations, which brokered the original deal in 2022, said it remained in contact with all parties. “The door is open,” a UN spokesperson said.",
      "Third round of talks ended without agreement.",
      "Turkey wants a new meeting within a week.",
      "Fidan is expected to travel to Kyiv and Moscow before the end of the month, a Turkish diplomatic source said.",
    ]);
  });

  it("lets no navigation, ads, related links, comments, scripts, styles or markup through", () => {
    const all = talks.paragraphs.join("\n");
    for (const junk of [
      "Advertisement",
      "loadAd",
      "trackScroll",
      "dataLayer",
      "min-height",
      "Subscribe",
      "Related",
      "Danube ports handle record",
      "Great reporting",
      "theatre",
      "Sign up",
      "All rights reserved",
      "Share on X",
      "<",
      ">",
      "By Olena",
    ]) {
      expect(all, junk).not.toContain(junk);
    }
  });

  it("falls back to <time> for the date and to the domain for the publisher", () => {
    const envoy = extractArticle(page("envoy-visit.html"), "https://www.news.example/envoy");
    expect(envoy.title).toBe("Envoy visit raises hopes of prisoner exchange");
    expect(envoy.published).toBe("2024-09-14");
    expect(envoy.publisher).toBe("news.example");
    expect(envoy.canonicalUrl).toBe("https://www.news.example/envoy");
    expect(envoy.paragraphs).toHaveLength(5);
    expect(envoy.paragraphs[2]).toBe(
      "“Every name on that list is a family waiting,” Lubinets wrote on Telegram after the meeting. He said 140 civilians were on the current list.",
    );
    expect(envoy.paragraphs.join(" ")).not.toMatch(/cookies|Most read|Storm hits/);
  });

  it("leaves title and date empty when the page has none (the feed item fills them)", () => {
    const item = extractArticle(page("item-three.html"), "https://ledger.example/item-three");
    expect(item.title).toBeNull();
    expect(item.published).toBeNull();
    expect(item.paragraphs).toHaveLength(3);
  });

  it("ignores a canonical URL on another site", () => {
    const html = changingPage(1).replace(
      "<head>",
      '<head><link rel="canonical" href="https://other.example/stolen">',
    );
    const article = extractArticle(html, "https://energy.example/gas");
    expect(article.canonicalUrl).toBe("https://energy.example/gas");
  });

  it("refuses a page without article text", () => {
    let error: unknown;
    try {
      extractArticle(
        "<html><body><nav><a href='/a'>A</a></nav><h1>Front page</h1></body></html>",
        "https://x.example/",
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("NOT_AN_ARTICLE");
  });

  it("refuses an empty, binary or tiny page as no article text, naming the URL", () => {
    for (const body of [
      "",
      "   ",
      "\u0000\u0001PK\u0003\u0004\uFFFD\uFFFD",
      "hello",
      "<!-- x -->",
    ]) {
      let error: unknown;
      try {
        extractArticle(body, "https://x.example/empty");
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(body)).toBeInstanceOf(IngestError);
      expect((error as IngestError).code).toBe("NOT_AN_ARTICLE");
      expect((error as IngestError).message).toMatch(
        /^no article text found at https:\/\/x\.example\/empty/,
      );
    }
  });

  it("refuses a page nested too deep before Readability sees it, naming the URL", () => {
    const article = `<p>${"A sentence of the article that is long enough to count. ".repeat(6)}</p>`;
    const nested = (depth: number) =>
      `<html><body>${"<div>".repeat(depth)}${article}${"</div>".repeat(depth)}</body></html>`;
    for (const depth of [MAX_PAGE_DEPTH + 100, 8000]) {
      const started = performance.now();
      let error: unknown;
      try {
        extractArticle(nested(depth), "https://x.example/deep");
      } catch (e) {
        error = e;
      }
      expect(error, `depth ${depth}`).toBeInstanceOf(IngestError);
      expect((error as IngestError).code).toBe("TOO_COMPLEX");
      expect((error as IngestError).message).toMatch(
        /^page too complex at https:\/\/x\.example\/deep: elements nested \d+ deep/,
      );
      // Refused on the text: Readability would take seconds (600) or overflow the stack (8000).
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it("refuses a page with too many elements", () => {
    const html = `<html><body><article><p>${"<span>word</span> ".repeat(MAX_PAGE_ELEMENTS)}</p></article></body></html>`;
    expect(() => extractArticle(html, "https://x.example/huge")).toThrow(
      /^page too complex at https:\/\/x\.example\/huge: more than 100000 elements/,
    );
  });

  it("keeps text that looks like markup as text", () => {
    const html = `<html><body><article><p>${"Background sentence for length. ".repeat(8)}</p><p>The minister wrote &lt;script&gt;alert(1)&lt;/script&gt; in a post, &amp; then deleted it, officials said on Friday.</p></article></body></html>`;
    const article = extractArticle(html, "https://x.example/a");
    expect(article.paragraphs[1]).toBe(
      "The minister wrote <script>alert(1)</script> in a post, & then deleted it, officials said on Friday.",
    );
  });
});
