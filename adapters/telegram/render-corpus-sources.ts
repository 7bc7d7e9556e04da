import type { AddedArticle, CorpusSource } from "../../src/index.ts";
import { escapeHtml } from "./escape-html.ts";
import { packMessages, type TelegramMessage } from "./telegram-message.ts";

/** Longest title, location or error shown in one line; the rest is cut with "…". */
const FIELD_LIMIT = 300;

function cut(text: string): string {
  return text.length > FIELD_LIMIT ? `${text.slice(0, FIELD_LIMIT - 1)}…` : text;
}

function minute(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

function addedLine(article: AddedArticle): TelegramMessage {
  const title = cut(article.title);
  return {
    html: `• <code>${escapeHtml(article.id)}</code> ${escapeHtml(title)}\n  from <code>${escapeHtml(article.sourceId)}</code>`,
    plain: `• ${article.id} ${title}\n  from ${article.sourceId}`,
  };
}

function sourceLine(source: CorpusSource): TelegramMessage {
  const location = cut(source.location);
  const name = source.title ? cut(source.title) : location;
  const isUrl = /^https?:\/\//i.test(source.location);
  const target = isUrl
    ? `<a href="${escapeHtml(source.location)}">${escapeHtml(name)}</a>`
    : escapeHtml(name);
  const by = source.addedBy.name ?? source.addedBy.id;
  const details = [
    `added ${minute(source.addedAt)} by ${source.addedBy.platform}:${by}`,
    source.checkedAt ? `read ${minute(source.checkedAt)}` : null,
    source.lastError ? `last error: ${cut(source.lastError)}` : null,
  ]
    .filter((part) => part !== null)
    .join("; ");
  return {
    html: `• <code>${escapeHtml(source.id)}</code> ${source.kind}: ${target}\n  ${escapeHtml(details)}`,
    plain: `• ${source.id} ${source.kind}: ${name}${isUrl && name !== location ? ` (${location})` : ""}\n  ${details}`,
  };
}

const heading = (text: string): TelegramMessage => ({
  html: `<b>${escapeHtml(text)}</b>`,
  plain: text,
});

/**
 * The moderators' part of /sources: the articles they added (with the ids /remove takes)
 * and the pages, feeds and files a refresh reads, with who added them and the last error.
 */
export function renderCorpusSources(
  sources: readonly CorpusSource[],
  added: readonly AddedArticle[],
): TelegramMessage[] {
  const blocks: TelegramMessage[] = [];
  if (added.length === 0) {
    blocks.push(heading("Added by moderators: none yet (/add <url> adds a page or a feed)"));
  } else {
    blocks.push(heading(`Added by moderators: ${added.length}`), ...added.map(addedLine));
  }
  if (sources.length > 0) {
    blocks.push(heading(`Sources a /refresh reads: ${sources.length}`), ...sources.map(sourceLine));
  }
  const hint =
    "/remove <id> removes an added article, or a source with all its articles. Shipped articles (the corpus folder) are removed by deleting their file and refreshing.";
  blocks.push({ html: `<i>${escapeHtml(hint)}</i>`, plain: hint });
  return packMessages(blocks);
}
