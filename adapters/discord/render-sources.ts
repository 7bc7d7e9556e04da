import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { AddedArticle, ArticleSummary, CorpusSource, Page } from "../../src/index.ts";
import { DISCORD_LIMITS, NO_MENTIONS } from "./discord-limits.ts";
import { maskedLinkTarget } from "./escape-discord-markdown.ts";
import { EMBED_COLOR, fitEscaped } from "./render-answer-embeds.ts";

/** Room kept in the last embed for the "…and N more" line. */
const MORE_LINE_ROOM = 60;
/** Longest title or error shown in one line of a listing. */
const FIELD_LIMIT = 200;
const PUBLISHER_LIMIT = 80;

export interface SourcesMessage {
  content?: string;
  embeds: APIEmbed[];
  allowedMentions: typeof NO_MENTIONS;
}

/** Articles per /sources page: ten lines with their links fit an embed in practice. */
export const SOURCES_PER_PAGE = 10;
/** The custom_id of a page button: `sources:<page>`. */
export const SOURCES_BUTTON = /^sources:(\d{1,9})$/;

const count = (n: number) => n.toLocaleString("en-US");

export interface SourcesPageMessage extends SourcesMessage {
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

/**
 * One page of the articles the bot answers from, one line each with its link (numbered
 * across pages), and "« Previous" / "Next »" buttons when there is more than a page.
 * Costs the page, not the corpus.
 */
export function renderSourcesPage(page: Page<ArticleSummary>): SourcesPageMessage {
  if (page.total === 0) {
    return {
      content: "The corpus has no articles yet.",
      embeds: [],
      components: [],
      allowedMentions: NO_MENTIONS,
    };
  }
  const articles = `${count(page.total)} article${page.total === 1 ? "" : "s"}`;
  const where = page.pages > 1 ? `, page ${count(page.page)} of ${count(page.pages)}` : "";
  const lines = page.items.map((article, i) => sourceLine(article, page.first + i));
  return {
    embeds: embedsOfLines(`Sources (${articles}${where})`, lines),
    components: pageButtons(page),
    allowedMentions: NO_MENTIONS,
  };
}

function pageButtons(
  page: Page<ArticleSummary>,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  if (page.pages <= 1) return [];
  const button = (to: number, label: string, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    custom_id: `sources:${to}`,
    label,
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(Math.max(1, page.page - 1), "« Previous", page.page <= 1),
        button(Math.min(page.pages, page.page + 1), "Next »", page.page >= page.pages),
      ],
    },
  ];
}

/**
 * The moderators' listing: the articles they added, with the ids `/remove` takes, and the
 * pages, feeds and files a refresh reads. Two messages' worth at most: what does not fit
 * is counted ("…and 12 more"); `npm run corpus -- sources` lists everything.
 */
export function renderCorpusSources(
  sources: readonly CorpusSource[],
  added: readonly AddedArticle[],
): SourcesMessage {
  const hint =
    "`/remove` takes an id below: an added article, or a source with all its articles. Shipped articles (the corpus folder) are removed by deleting their file and refreshing.";
  const addedLines = added.map(
    (article) =>
      `• \`${article.id}\` ${fitEscaped(article.title, FIELD_LIMIT)} (from \`${article.sourceId}\`)`,
  );
  const sourceLines = sources.map(corpusSourceLine);
  const embeds: APIEmbed[] = [
    ...embedsOfLines(
      `Added by moderators (${added.length})`,
      addedLines.length > 0 ? addedLines : ["None yet: `/add url:` adds a page or a feed."],
      4,
    ),
    ...(sourceLines.length > 0
      ? embedsOfLines(`Sources a /refresh reads (${sources.length})`, sourceLines, 4)
      : []),
  ];
  return { content: hint, embeds: fitTotal(embeds), allowedMentions: NO_MENTIONS };
}

/** Lines over as many embeds as fit (the first titled), and "…and N more" for the rest. */
function embedsOfLines(
  title: string,
  lines: readonly string[],
  maxEmbeds: number = DISCORD_LIMITS.embedsPerMessage,
): APIEmbed[] {
  const pages: string[][] = [[]];
  let total = title.length;
  let listed = 0;
  for (const line of lines) {
    const page = pages[pages.length - 1] as string[];
    const pageLength = page.join("\n").length;
    const lastPage = pages.length === maxEmbeds;
    const roomInPage = DISCORD_LIMITS.description - (lastPage ? MORE_LINE_ROOM : 0);
    if (total + line.length + 1 > DISCORD_LIMITS.embedTotal - MORE_LINE_ROOM) break;
    if (pageLength + line.length + 1 > roomInPage) {
      if (lastPage) break;
      pages.push([line]);
    } else {
      page.push(line);
    }
    total += line.length + 1;
    listed += 1;
  }
  const rest = lines.length - listed;
  if (rest > 0) (pages[pages.length - 1] as string[]).push(`…and ${rest} more`);
  return pages.map((page, i) => ({
    color: EMBED_COLOR,
    ...(i === 0 ? { title } : {}),
    description: page.join("\n"),
  }));
}

/** Drops whole embeds from the end until the message is within Discord's 6,000 characters. */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  const size = (e: APIEmbed) => (e.title?.length ?? 0) + (e.description?.length ?? 0);
  const kept = [...embeds];
  while (kept.reduce((sum, e) => sum + size(e), 0) > DISCORD_LIMITS.embedTotal) kept.pop();
  return kept;
}

function sourceLine(article: ArticleSummary, index: number): string {
  const date = article.published ? `, ${article.published}` : "";
  const title = fitEscaped(article.title, FIELD_LIMIT);
  return `${index + 1}. [${title}](${maskedLinkTarget(article.url)}) — ${fitEscaped(article.publisher, PUBLISHER_LIMIT)}${date}`;
}

function corpusSourceLine(source: CorpusSource): string {
  const name = fitEscaped(source.title ?? source.location, FIELD_LIMIT);
  const target = /^https?:\/\//i.test(source.location)
    ? `[${name}](${maskedLinkTarget(source.location)})`
    : name;
  const by = fitEscaped(
    `${source.addedBy.platform}:${source.addedBy.name ?? source.addedBy.id}`,
    80,
  );
  const error = source.lastError
    ? `; last error: ${fitEscaped(source.lastError, FIELD_LIMIT)}`
    : "";
  return `• \`${source.id}\` ${source.kind}: ${target} — added ${source.addedAt.slice(0, 10)} by ${by}${error}`;
}
