import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { stripInvisible } from "../text/normalize.ts";
import { IngestError } from "./ingest-error.ts";
import { MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS, measureHtml } from "./measure-html.ts";
import { type MetaDocument, readPageMeta } from "./read-page-meta.ts";

/** What a web page gives the corpus. Dates are YYYY-MM-DD; text is plain text. */
export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  published: string | null;
  /** og:site_name, the JSON-LD publisher, or the domain. */
  publisher: string;
  /** The page's canonical URL when it names one on its own site, else the URL fetched. */
  canonicalUrl: string;
  language: string | null;
  /** The article's paragraphs, list items and block quotes, in order, as plain text. */
  paragraphs: string[];
}

/** Less text than this is a front page, a paywall or an error page, not an article. */
export const MIN_ARTICLE_CHARS = 200;

const BLOCKS = "p, li, blockquote";
/** Never text: removed before any text is read, in case Readability kept one. */
const NOT_TEXT = "script, style, noscript, template, svg, math, iframe, object, embed, button";
/** Class or id words of ad slots; Readability's own filter misses plain `ad` classes. */
const AD_WORD = /^(ad|ads|advert|adverts|advertisement|ad-.+|.+-ad|sponsored)$/i;
/** A paragraph that is only an ad or share label is not part of the article. */
const LABEL_ONLY =
  /^(advertisement|advertising|sponsored( content)?|read more|share this( article)?)$/i;

/** The parts of linkedom's DOM this file touches (the project compiles without DOM types). */
interface Node {
  textContent: string | null;
  querySelector(selector: string): Node | null;
  querySelectorAll(selector: string): Iterable<Node>;
  replaceWith(...nodes: unknown[]): void;
  remove(): void;
  getAttribute(name: string): string | null;
  ownerDocument: { createTextNode(text: string): unknown };
}

/**
 * Extracts the article from a news page: Readability (on linkedom) finds the article
 * body among navigation, ads, related links and comments; the paragraphs are the text
 * of its `<p>`, `<li>` and `<blockquote>` elements as published, with the whitespace
 * inside each collapsed. Only `textContent` is read, so markup, scripts and styles
 * never reach the corpus. Throws NOT_AN_ARTICLE when no article text is found, and
 * TOO_COMPLEX, before parsing, for a page nested deeper or with more elements than any
 * news page (see MAX_PAGE_DEPTH). CPU-bound and synchronous: the bot runs it through
 * extractArticleInWorker, off the main thread and under a deadline.
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  refuseIfTooComplex(html, pageUrl);
  const { document } = parseHTML(html);
  // An empty, binary or markup-free body parses to a document without a root element,
  // which Readability rejects with a message about its own arguments.
  if (!(document as unknown as { documentElement: unknown }).documentElement) {
    throw notAnArticle(pageUrl, 0);
  }
  const meta = readPageMeta(document as unknown as MetaDocument, pageUrl);
  removeHiddenAndAds(document as unknown as Node);
  const parsed = new Readability(document as never, {
    serializer: (node) => node,
    charThreshold: MIN_ARTICLE_CHARS,
  }).parse();
  const content = parsed?.content as unknown as Node | null | undefined;
  const byline = meta.byline ?? clean(parsed?.byline);
  const paragraphs = content ? paragraphsOf(content, byline) : [];
  const chars = paragraphs.reduce((sum, p) => sum + p.length, 0);
  if (chars < MIN_ARTICLE_CHARS) throw notAnArticle(pageUrl, chars);
  const host = new URL(pageUrl).hostname.replace(/^www\./, "");
  const publisher = meta.siteName ?? clean(parsed?.siteName) ?? host;
  const title = withoutSiteSuffix(meta.title ?? clean(parsed?.title), publisher);
  return {
    title,
    byline,
    published: meta.published,
    publisher,
    canonicalUrl: meta.canonical && sameSite(meta.canonical, pageUrl) ? meta.canonical : pageUrl,
    language: meta.language,
    paragraphs,
  };
}

/**
 * Throws TOO_COMPLEX for HTML nested deeper or with more elements than any news page,
 * measured on the text before linkedom builds a DOM (`where` is the URL or file named).
 * Readability's time grows faster than the square of the nesting depth: 22 KB of nested
 * `<div>`s would take over a minute. Cheap enough for the main thread.
 */
export function refuseIfTooComplex(html: string, where: string): void {
  const limit = { depth: MAX_PAGE_DEPTH, elements: MAX_PAGE_ELEMENTS };
  const size = measureHtml(html, limit);
  const why =
    size.depth > limit.depth
      ? `elements nested ${size.depth} deep (at most ${limit.depth})`
      : size.elements > limit.elements
        ? `more than ${limit.elements} elements`
        : null;
  if (why) throw new IngestError("TOO_COMPLEX", `page too complex at ${where}: ${why}`);
}

function notAnArticle(pageUrl: string, chars: number): IngestError {
  return new IngestError(
    "NOT_AN_ARTICLE",
    `no article text found at ${pageUrl} (${chars} characters): a front page, a paywall or a page built by scripts?`,
  );
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}

function paragraphsOf(content: Node, byline: string | null): string[] {
  for (const node of [...content.querySelectorAll(NOT_TEXT)]) node.remove();
  // <br> has no text: without a space "line one<br>line two" would run together.
  for (const br of [...content.querySelectorAll("br")]) {
    br.replaceWith(br.ownerDocument.createTextNode(" "));
  }
  const blocks = [...content.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const texts =
    blocks.length > 0
      ? blocks.map((el) => el.textContent ?? "")
      : (content.textContent ?? "").split(/\n\s*\n/);
  return texts
    .map((text) => stripInvisible(text).replace(/\s+/g, " ").trim())
    .filter(
      (text) => text !== "" && text !== byline && text !== `By ${byline}` && !LABEL_ONLY.test(text),
    );
}

function removeHiddenAndAds(root: Node): void {
  for (const el of [...root.querySelectorAll("[class], [id], [hidden], [aria-hidden]")]) {
    const words = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/);
    if (
      words.some((w) => AD_WORD.test(w)) ||
      el.getAttribute("hidden") !== null ||
      el.getAttribute("aria-hidden") === "true"
    ) {
      el.remove();
    }
  }
}

/** "Talks stall - The Daily" -> "Talks stall", when the suffix is the publisher's name. */
function withoutSiteSuffix(title: string | null, publisher: string): string | null {
  if (!title) return null;
  for (const separator of [" | ", " - ", " – ", " — ", " :: "]) {
    const suffix = `${separator}${publisher}`;
    if (title.toLowerCase().endsWith(suffix.toLowerCase()) && title.length > suffix.length) {
      return title.slice(0, -suffix.length).trim();
    }
  }
  return title;
}

/**
 * A canonical URL is believed only on the page's own site (www., amp. and other
 * subdomains included): a page claiming another site's URL would otherwise take over
 * that article's identity in the duplicate check.
 */
function sameSite(canonical: string, pageUrl: string): boolean {
  const a = new URL(canonical).hostname.replace(/^www\./, "");
  const b = new URL(pageUrl).hostname.replace(/^www\./, "");
  if (a === b) return true;
  const isName = (host: string) => /[a-z]/i.test(host.split(".").pop() ?? "") && host.includes(".");
  return isName(a) && isName(b) && (a.endsWith(`.${b}`) || b.endsWith(`.${a}`));
}
