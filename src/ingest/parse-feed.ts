import { parseFeed as parseAnyFeed } from "feedsmith";
import { absoluteHttpUrl } from "./absolute-http-url.ts";
import { IngestError } from "./ingest-error.ts";
import { toIsoDate } from "./read-page-meta.ts";

export interface FeedItem {
  /** Absolute http(s) URL of the item's page. */
  link: string;
  title: string | null;
  /** YYYY-MM-DD. */
  published: string | null;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "rdf" | "json";
  title: string | null;
  /** In feed order (usually newest first), without repeats. */
  items: FeedItem[];
}

/**
 * Reads an RSS, Atom, RDF or JSON feed with feedsmith (which tolerates malformed XML).
 * Items without a usable http(s) link are skipped: there is no page to fetch.
 */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  let parsed: ReturnType<typeof parseAnyFeed>;
  try {
    parsed = parseAnyFeed(text);
  } catch (error) {
    throw new IngestError("NOT_A_FEED", `not a feed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const raw: Array<{ link: string | undefined; title: string | undefined; date: unknown }> = [];
  let title: string | undefined;
  switch (parsed.format) {
    case "rss":
      title = parsed.feed.title;
      for (const item of parsed.feed.items ?? []) {
        raw.push({
          link: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
          title: item.title,
          date: item.pubDate ?? item.dc?.dates?.[0],
        });
      }
      break;
    case "rdf":
      title = parsed.feed.title;
      for (const item of parsed.feed.items ?? []) {
        raw.push({ link: item.link, title: item.title, date: item.dc?.dates?.[0] });
      }
      break;
    case "atom":
      title = parsed.feed.title?.value;
      for (const entry of parsed.feed.entries ?? []) {
        const links = entry.links ?? [];
        const page =
          links.find((l) => (l.rel ?? "alternate") === "alternate" && isHtml(l.type)) ??
          links.find((l) => l.rel === undefined || l.rel === "alternate");
        raw.push({
          link: page?.href,
          title: entry.title?.value,
          date: entry.published ?? entry.updated,
        });
      }
      break;
    case "json":
      title = parsed.feed.title;
      for (const item of parsed.feed.items ?? []) {
        raw.push({ link: item.url, title: item.title, date: item.date_published });
      }
      break;
  }
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const item of raw) {
    const link = absoluteHttpUrl(item.link, feedUrl);
    if (!link || seen.has(link)) continue;
    seen.add(link);
    items.push({
      link,
      title: cleanText(item.title),
      published: typeof item.date === "string" ? toIsoDate(item.date) : null,
    });
  }
  return { format: parsed.format, title: cleanText(title), items };
}

function isHtml(type: string | undefined): boolean {
  return type === undefined || type === "text/html" || type === "application/xhtml+xml";
}

/** Feed titles may carry markup (`<![CDATA[<b>…</b>]]>`): only their text is kept. */
function cleanText(value: string | undefined): string | null {
  const text = value
    ?.replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text ? text : null;
}
