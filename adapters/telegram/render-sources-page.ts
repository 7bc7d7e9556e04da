import { InlineKeyboard } from "grammy";
import type { ArticleSummary, Page } from "../../src/index.ts";
import { escapeHtml } from "./escape-html.ts";
import { packMessages, type TelegramMessage } from "./telegram-message.ts";

/** Articles per /sources page: ten lines with their links fit one message in practice. */
export const SOURCES_PER_PAGE = 10;
/** What the "previous"/"next" buttons send back: `sources:<page>`. */
export const SOURCES_CALLBACK = /^sources:(\d{1,9})$/;
/** Longest title and publisher shown in a line; the rest is cut with "…". */
const TITLE_LIMIT = 160;
const PUBLISHER_LIMIT = 80;
/** A longer address is left out of its line, so one line always fits a message. */
const URL_LIMIT = 1_000;

const count = (n: number) => n.toLocaleString("en-US");

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function articleLine(article: ArticleSummary, index: number): TelegramMessage {
  const title = cut(article.title, TITLE_LIMIT);
  const details = [
    cut(article.publisher, PUBLISHER_LIMIT),
    article.published,
    `${article.paragraphs} paragraphs`,
  ]
    .filter((part) => part !== null)
    .join(" · ");
  if (article.url.length > URL_LIMIT) {
    return {
      html: `${index + 1}. ${escapeHtml(title)}\n${escapeHtml(details)}`,
      plain: `${index + 1}. ${title}\n${details}`,
    };
  }
  return {
    html: `${index + 1}. <a href="${escapeHtml(article.url)}">${escapeHtml(title)}</a>\n${escapeHtml(details)}`,
    plain: `${index + 1}. ${title}\n${details}\n${article.url}`,
  };
}

/**
 * One page of /sources: a heading with the page's place in the whole, its articles
 * (numbered across pages) with their links, and how to get the next page. Costs the page.
 */
export function renderSourcesPage(page: Page<ArticleSummary>): TelegramMessage[] {
  if (page.total === 0) return [{ html: "The corpus is empty.", plain: "The corpus is empty." }];
  const articles = page.total === 1 ? "1 article" : `${count(page.total)} articles`;
  const where = page.pages > 1 ? ` · page ${count(page.page)} of ${count(page.pages)}` : "";
  const heading = `Sources: ${articles}${where}`;
  const blocks: TelegramMessage[] = [
    { html: `<b>${escapeHtml(heading)}</b>`, plain: heading },
    ...page.items.map((article, i) => articleLine(article, page.first + i)),
  ];
  if (page.pages > 1) {
    const next = page.page < page.pages ? page.page + 1 : 1;
    const hint = `More: the buttons below, or /sources ${next}.`;
    blocks.push({ html: `<i>${escapeHtml(hint)}</i>`, plain: hint });
  }
  return packMessages(blocks);
}

/** "« Previous" and "Next »" under a page, or nothing for a listing of one page. */
export function sourcesKeyboard(page: Page<ArticleSummary>): InlineKeyboard | undefined {
  if (page.pages <= 1) return undefined;
  const keyboard = new InlineKeyboard();
  if (page.page > 1) keyboard.text("« Previous", `sources:${page.page - 1}`);
  if (page.page < page.pages) keyboard.text("Next »", `sources:${page.page + 1}`);
  return keyboard;
}

/**
 * The page a `/sources` argument asks for: none is the first, a whole number is that
 * page, anything else is null (the person is told how to ask).
 */
export function parseSourcesPage(argument: string): number | null {
  const text = argument.trim();
  if (text === "") return 1;
  return /^\d{1,9}$/.test(text) ? Math.max(1, Number(text)) : null;
}
