import type { APIEmbed } from "discord.js";
import type { ArticleSummary } from "../../src/index.ts";
import { DISCORD_LIMITS, NO_MENTIONS } from "./discord-limits.ts";
import { escapeDiscordMarkdown, maskedLinkTarget } from "./escape-discord-markdown.ts";
import { EMBED_COLOR, fitEscaped } from "./render-answer-embeds.ts";

/** Room kept in the last embed for the "…and N more" line. */
const MORE_LINE_ROOM = 60;

/** The articles the bot answers from, one line each with its link, over as many embeds as fit. */
export function renderSources(articles: readonly ArticleSummary[]): {
  content?: string;
  embeds: APIEmbed[];
  allowedMentions: typeof NO_MENTIONS;
} {
  if (articles.length === 0) {
    return { content: "The corpus has no articles yet.", embeds: [], allowedMentions: NO_MENTIONS };
  }
  const pages: string[][] = [[]];
  let total = 0;
  let listed = 0;
  for (const article of articles) {
    const line = sourceLine(article);
    const page = pages[pages.length - 1] as string[];
    const pageLength = page.join("\n").length;
    const lastPage = pages.length === DISCORD_LIMITS.embedsPerMessage;
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
  const rest = articles.length - listed;
  if (rest > 0) (pages[pages.length - 1] as string[]).push(`…and ${rest} more`);
  const embeds: APIEmbed[] = pages.map((lines, i) => ({
    color: EMBED_COLOR,
    ...(i === 0
      ? { title: `Sources (${articles.length} article${articles.length === 1 ? "" : "s"})` }
      : {}),
    description: lines.join("\n"),
  }));
  return { embeds, allowedMentions: NO_MENTIONS };
}

function sourceLine(article: ArticleSummary): string {
  const date = article.published ? `, ${article.published}` : "";
  const title = fitEscaped(article.title, 200);
  return `• [${title}](${maskedLinkTarget(article.url)}) — ${escapeDiscordMarkdown(article.publisher)}${date}`;
}
