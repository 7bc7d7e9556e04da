import { describe, expect, it } from "vitest";
import {
  parseSourcesPage,
  renderSourcesPage,
  SOURCES_PER_PAGE,
  sourcesKeyboard,
} from "../../adapters/telegram/render-sources-page.ts";
import { TELEGRAM_MESSAGE_LIMIT } from "../../adapters/telegram/telegram-message.ts";
import { type ArticleSummary, pageOf } from "../../src/index.ts";
import { readTelegramHtml } from "./telegram-html.ts";

const hostile = (i: number): ArticleSummary => ({
  id: `a-${i}`,
  title: `<b>Bold</b> & "quoted" ${"&<>".repeat(100)} ${i}`,
  publisher: `Pub <i>${"&".repeat(200)}</i>`,
  url:
    i % 3 === 0
      ? `https://news.example/${"x".repeat(3_000)}`
      : `https://news.example/a?b="c"&d=<${i}>`,
  published: "2024-08-17",
  language: "en",
  paragraphs: 3,
  speakers: [],
});

describe("renderSourcesPage (Telegram)", () => {
  it("escapes titles, publishers and links, and keeps every message within the limit", () => {
    const articles = Array.from({ length: 95 }, (_, i) => hostile(i));
    const page = pageOf(articles, 10, SOURCES_PER_PAGE);
    const messages = renderSourcesPage(page);
    for (const message of messages) {
      expect(message.html.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(message.plain.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      const html = readTelegramHtml(message.html);
      expect(html.violations).toEqual([]);
      expect(html.text).not.toContain("<b>Bold</b> &amp;");
    }
    const all = messages.map((m) => readTelegramHtml(m.html));
    expect(all.map((h) => h.text).join("\n")).toContain('<b>Bold</b> & "quoted"');
    expect(all.flatMap((h) => h.links)).toContain('https://news.example/a?b="c"&d=<91>');
    expect(all.map((h) => h.text).join("\n")).toContain("Sources: 95 articles · page 10 of 10");
    expect(all.map((h) => h.text).join("\n")).toContain("95. ");
  });

  it("offers Previous and Next as they apply, and nothing for one page", () => {
    const articles = Array.from({ length: 25 }, (_, i) => hostile(i));
    const buttons = (page: number) =>
      sourcesKeyboard(pageOf(articles, page, SOURCES_PER_PAGE))?.inline_keyboard[0]?.map((b) =>
        "callback_data" in b ? b.callback_data : "",
      );
    expect(buttons(1)).toEqual(["sources:2"]);
    expect(buttons(2)).toEqual(["sources:1", "sources:3"]);
    expect(buttons(3)).toEqual(["sources:2"]);
    expect(sourcesKeyboard(pageOf(articles.slice(0, 4), 1, SOURCES_PER_PAGE))).toBeUndefined();
    expect(renderSourcesPage(pageOf([], 1, SOURCES_PER_PAGE))[0]?.plain).toBe(
      "The corpus is empty.",
    );
  });

  it("reads a page number from /sources, or refuses what is not one", () => {
    expect(parseSourcesPage("")).toBe(1);
    expect(parseSourcesPage(" 12 ")).toBe(12);
    expect(parseSourcesPage("0")).toBe(1);
    expect(parseSourcesPage("two")).toBeNull();
    expect(parseSourcesPage("-3")).toBeNull();
    expect(parseSourcesPage("9".repeat(20))).toBeNull();
  });
});
