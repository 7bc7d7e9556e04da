import { describe, expect, it } from "vitest";
import { DISCORD_LIMITS } from "../../adapters/discord/discord-limits.ts";
import { renderSourcesPage, SOURCES_PER_PAGE } from "../../adapters/discord/render-sources.ts";
import { type ArticleSummary, pageOf } from "../../src/index.ts";

const article = (i: number): ArticleSummary => ({
  id: `a-${i}`,
  title: `**Bold** [fake](https://evil.example) @everyone ${"_".repeat(300)} ${i}`,
  publisher: `Pub *${i}*`,
  url: `https://news.example/story(${i}) x`,
  published: null,
  language: "en",
  paragraphs: 2,
  speakers: [],
});

describe("renderSourcesPage (Discord)", () => {
  it("escapes markdown, fits Discord's limits and numbers lines across pages", () => {
    const articles = Array.from({ length: 35 }, (_, i) => article(i));
    const message = renderSourcesPage(pageOf(articles, 2, SOURCES_PER_PAGE));
    const text = message.embeds.map((e) => `${e.title ?? ""}\n${e.description ?? ""}`).join("\n");
    expect(message.embeds[0]?.title).toBe("Sources (35 articles, page 2 of 4)");
    expect(text).toContain("11. [");
    expect(text).toContain("20. [");
    expect(text).not.toContain("21. [");
    expect(text).not.toContain("**Bold**");
    expect(text).toContain("\\*\\*Bold\\*\\*");
    expect(text).toContain("(https://news.example/story%28");
    expect(text.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(message.allowedMentions).toEqual({ parse: [] });
    const buttons = message.components[0]?.components ?? [];
    expect(buttons.map((b) => [b.custom_id, b.disabled])).toEqual([
      ["sources:1", false],
      ["sources:3", false],
    ]);
  });

  it("disables the buttons at either end, and has none for a single page", () => {
    const articles = Array.from({ length: 12 }, (_, i) => article(i));
    const first = renderSourcesPage(pageOf(articles, 1, SOURCES_PER_PAGE));
    expect(first.components[0]?.components.map((b) => b.disabled)).toEqual([true, false]);
    const last = renderSourcesPage(pageOf(articles, 2, SOURCES_PER_PAGE));
    expect(last.components[0]?.components.map((b) => b.disabled)).toEqual([false, true]);
    expect(renderSourcesPage(pageOf(articles.slice(0, 3), 1, SOURCES_PER_PAGE)).components).toEqual(
      [],
    );
    expect(renderSourcesPage(pageOf([], 1, SOURCES_PER_PAGE)).content).toBe(
      "The corpus has no articles yet.",
    );
  });
});
