import { createHash } from "node:crypto";
import { foldForMatch } from "../text/normalize.ts";

/** Slugs stay well under the 120-character id limit, leaving room for a `-2` suffix. */
const MAX_SLUG_LENGTH = 80;
/** Query parameters that only track the click: the same article with or without them. */
const TRACKING_PARAMETER = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|ref_src)$/i;

/**
 * An article id from its title: lowercase ASCII words joined by dashes ("Ukraine's
 * Kursk operation" -> "ukraine-s-kursk-operation"). A title with no Latin letters
 * (Cyrillic, Chinese) gives `<site>-<hash>` instead, still stable for the same title.
 */
export function slugify(title: string, host: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  if (slug === "" && words[0]) slug = words[0].slice(0, MAX_SLUG_LENGTH);
  // A slug of only digits or a single letter says nothing about the article.
  if (slug.length >= 3 && /[a-z]/.test(slug)) return slug;
  const site = host
    .replace(/^www\./, "")
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase();
  return `${site.slice(0, 40).replace(/^-+|-+$/g, "") || "article"}-${shortHash(title)}`;
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The form of a URL used to recognise the same article: lower-case host, no default
 * port, no fragment, no tracking parameters, no trailing slash. Only for comparing; the
 * article keeps the URL as published.
 */
export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.trim();
  }
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(key)) url.searchParams.delete(key);
  }
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, "");
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) {
    url.pathname = url.pathname.replace(/\/+$/, "");
  }
  // http and https of one page are one article.
  return url.href.replace(/^https?:\/\//, "//");
}

/**
 * A hash of the article's text after matching normalisation (quotes, dashes, case,
 * whitespace folded), so the same article republished with curly quotes is the same.
 */
export function textHash(paragraphs: readonly string[]): string {
  return createHash("sha256")
    .update(foldForMatch(paragraphs.join("\n")))
    .digest("hex");
}

export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/** A source's id from its kind and location: the same feed added twice is one source. */
export function sourceId(kind: "page" | "feed" | "file", location: string): string {
  return `${kind}-${shortHash(kind === "file" ? location : normalizeUrl(location))}`;
}
