import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCES_PER_PAGE } from "../../adapters/telegram/render-sources-page.ts";
import { SOURCES_USAGE } from "../../adapters/telegram/sources-command.ts";
import { withListings } from "../../src/index.ts";
import { callbackQuery, privateChat, textMessage, user } from "../fakes/telegram-updates.ts";
import {
  countingEngine,
  listingEngine,
  type ReadCounts,
  tenThousandListings,
} from "../support/ten-thousand-corpus.ts";
import { type Harness, startHarness } from "./telegram-harness.ts";
import { readTelegramHtml } from "./telegram-html.ts";

/** /sources over 10,000 articles through grammY: a page at a time, counted. */
describe("telegram: /sources pages", () => {
  let h: Harness;
  const counts: ReadCounts = { articles: 0, speakers: 0 };
  const alice = user(301, "Alice");
  const chat = privateChat(alice);
  let titles: string[];

  beforeAll(async () => {
    const listings = await tenThousandListings();
    titles = listings.articles.map((a) => a.title);
    const engine = countingEngine(withListings(listingEngine(listings).engine), counts);
    h = await startHarness({ engine });
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  const keyboardOf = (params: Record<string, unknown>) =>
    (params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
      .inline_keyboard[0];

  it("shows the first page, with a Next button, reading only that page", async () => {
    counts.articles = 0;
    const after = h.push(textMessage({ chat, from: alice, text: "/sources" }));
    const sent = await h.reply(chat.id, after);
    expect(counts.articles).toBeLessThanOrEqual(SOURCES_PER_PAGE);
    const html = readTelegramHtml(String(sent.params.text));
    expect(html.violations).toEqual([]);
    expect(html.text).toContain("Sources: 10,000 articles · page 1 of 1,000");
    expect(html.text).toContain(`1. ${titles[0]}`);
    expect(html.text).toContain(`10. ${titles[9]}`);
    expect(html.text).not.toContain(titles[10]);
    expect(html.text).toContain("/sources 2");
    expect(keyboardOf(sent.params)).toEqual([{ text: "Next »", callback_data: "sources:2" }]);
  });

  it("turns the page in place when Next is pressed", async () => {
    counts.articles = 0;
    const after = h.push(callbackQuery({ chat, from: alice, data: "sources:2", messageId: 77 }));
    const edited = await h.fake.waitFor((r) => r.method === "editMessageText", {
      after,
      what: "the page edited in",
    });
    expect(counts.articles).toBeLessThanOrEqual(SOURCES_PER_PAGE);
    expect(edited.params).toMatchObject({ chat_id: chat.id, message_id: 77, parse_mode: "HTML" });
    const text = readTelegramHtml(String(edited.params.text)).text;
    expect(text).toContain("page 2 of 1,000");
    expect(text).toContain(`11. ${titles[10]}`);
    expect(keyboardOf(edited.params)?.map((b) => b.callback_data)).toEqual([
      "sources:1",
      "sources:3",
    ]);
    expect(h.fake.calls("answerCallbackQuery", after)).toHaveLength(1);
  });

  it("shows the page named after /sources, and the last for one past the end", async () => {
    counts.articles = 0;
    const after = h.push(textMessage({ chat, from: alice, text: "/sources 5000" }));
    const sent = await h.reply(chat.id, after);
    expect(counts.articles).toBeLessThanOrEqual(SOURCES_PER_PAGE);
    const text = readTelegramHtml(String(sent.params.text)).text;
    expect(text).toContain("page 1,000 of 1,000");
    expect(text).toContain(`10000. ${titles[9999]}`);
    expect(keyboardOf(sent.params)).toEqual([{ text: "« Previous", callback_data: "sources:999" }]);
  });

  it("says how to ask for a page when the argument is not one", async () => {
    const after = h.push(textMessage({ chat, from: alice, text: "/sources <b>two</b>" }));
    const sent = await h.reply(chat.id, after);
    expect(sent.params.text).toBe(SOURCES_USAGE);
  });
});
