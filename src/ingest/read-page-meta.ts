import { absoluteHttpUrl } from "./absolute-http-url.ts";
/**
 * Metadata a news page declares about itself: Open Graph and article meta tags,
 * schema.org JSON-LD, `<link rel=canonical>`, `<time>`. Read before Readability runs,
 * because Readability rewrites the document (it drops the JSON-LD scripts).
 */

export interface PageMeta {
  title: string | null;
  byline: string | null;
  /** YYYY-MM-DD. */
  published: string | null;
  siteName: string | null;
  /** Absolute http(s) URL, not yet checked against the page's own host. */
  canonical: string | null;
  language: string | null;
}

/** The slice of a DOM document these functions read (linkedom's, in practice). */
export interface MetaDocument {
  querySelector(selector: string): MetaElement | null;
  querySelectorAll(selector: string): Iterable<MetaElement>;
  documentElement: MetaElement | null;
}

interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

type JsonObject = Record<string, unknown>;

export function readPageMeta(document: MetaDocument, pageUrl: string): PageMeta {
  const ld = readJsonLd(document);
  const meta = (selector: string) =>
    clean(document.querySelector(selector)?.getAttribute("content"));
  const dateCandidates = [
    meta('meta[property="article:published_time"]'),
    meta('meta[itemprop="datePublished"]'),
    stringField(ld, "datePublished"),
    meta('meta[name="pubdate"]'),
    meta('meta[name="publishdate"]'),
    meta('meta[name="date"]'),
    meta('meta[name="dc.date"]'),
    meta('meta[name="DC.date.issued"]'),
    clean(document.querySelector("time[datetime]")?.getAttribute("datetime")),
  ];
  return {
    title: stringField(ld, "headline") ?? meta('meta[property="og:title"]'),
    byline: authorOf(ld) ?? meta('meta[name="author"]'),
    published: dateCandidates.map(toIsoDate).find((d) => d !== null) ?? null,
    siteName: meta('meta[property="og:site_name"]') ?? publisherOf(ld),
    canonical:
      absoluteHttpUrl(
        document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
        pageUrl,
      ) ?? absoluteHttpUrl(meta('meta[property="og:url"]'), pageUrl),
    language: toLanguage(document.documentElement?.getAttribute("lang")),
  };
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}

/** The first schema.org object that looks like an article, searched through @graph. */
function readJsonLd(document: MetaDocument): JsonObject | null {
  const found: JsonObject[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 5 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const object = node as JsonObject;
    if ("headline" in object || "datePublished" in object) found.push(object);
    if ("@graph" in object) visit(object["@graph"], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // A page's broken JSON-LD is its problem; the other sources of metadata remain.
    }
  }
  return found[0] ?? null;
}

function stringField(object: JsonObject | null, key: string): string | null {
  const value = object?.[key];
  return typeof value === "string" ? clean(value) : null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(", ") : null;
  }
  if (value && typeof value === "object") return nameOf((value as JsonObject).name);
  return null;
}

function authorOf(ld: JsonObject | null): string | null {
  return ld ? nameOf(ld.author) : null;
}

function publisherOf(ld: JsonObject | null): string | null {
  return ld ? nameOf(ld.publisher) : null;
}

/**
 * A calendar date as the page wrote it. The date part of an ISO timestamp is taken as
 * written, not converted to UTC, so "2024-09-10T00:30:00+03:00" stays the 10th.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const direct = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  const date = direct ? `${direct[1]}-${direct[2]}-${direct[3]}` : isoFromParse(value);
  if (!date) return null;
  const year = Number(date.slice(0, 4));
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return null;
  return year >= 1900 && year <= 2100 ? date : null;
}

function isoFromParse(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

function toLanguage(value: string | null | undefined): string | null {
  const match = /^([a-zA-Z]{2,3})(?:[-_]([A-Za-z0-9]{1,8}))?/.exec(value?.trim() ?? "");
  if (!match) return null;
  const primary = (match[1] ?? "").toLowerCase();
  return match[2] ? `${primary}-${match[2]}` : primary;
}
