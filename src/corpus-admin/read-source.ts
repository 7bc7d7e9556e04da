import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { parseHTML } from "linkedom";
import type { Article } from "../corpus/article.ts";
import { MAX_ARTICLE_FILE_BYTES } from "../corpus/load-corpus.ts";
import { parseArticle } from "../corpus/parse-article.ts";
import { normalizeUrl, textHash } from "../ingest/article-identity.ts";
import { refuseIfTooComplex } from "../ingest/extract-article.ts";
import { extractArticleInWorker } from "../ingest/extract-in-worker.ts";
import {
  DEFAULT_FETCH_LIMITS,
  type FetchedDocument,
  type FetchOptions,
  fetchDocument,
} from "../ingest/fetch-page.ts";
import { IngestError } from "../ingest/ingest-error.ts";
import type { FeedItem } from "../ingest/parse-feed.ts";
import { type MetaDocument, readPageMeta } from "../ingest/read-page-meta.ts";

/** An article read from a source, before it gets an id and meets the rest of the corpus. */
export interface Candidate {
  article: Omit<Article, "id">;
  byline: string | null;
  /** The page URL or file path read. */
  origin: string;
  /** Normalised canonical URL, the duplicate key. */
  canonicalUrl: string;
  textHash: string;
  /** The id a corpus file gives itself; kept unless another article already has it. */
  preferredId?: string;
}

const DEFAULT_LANGUAGE = "en";

/** Turns an extracted page into a candidate; the feed item fills a missing title or date. */
export async function candidateFromPage(
  document: FetchedDocument,
  item: FeedItem | null,
  origin = document.requestedUrl,
  fetch?: FetchOptions,
): Promise<Candidate> {
  // Off the main thread, under the fetch deadline: a page can be built to make
  // extraction take minutes, and the bot must keep answering meanwhile.
  const page = await extractArticleInWorker(document.text, document.url, {
    timeoutMs: fetch?.limits?.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs,
    signal: fetch?.signal,
  });
  const title = page.title ?? item?.title ?? null;
  if (!title) {
    throw new IngestError("NOT_AN_ARTICLE", "the page has no title (no <title>, og:title or h1)");
  }
  return {
    article: {
      title,
      publisher: page.publisher,
      url: page.canonicalUrl,
      published: page.published ?? item?.published ?? null,
      language: page.language ?? DEFAULT_LANGUAGE,
      paragraphs: page.paragraphs,
    },
    byline: page.byline,
    origin,
    canonicalUrl: normalizeUrl(page.canonicalUrl),
    textHash: textHash(page.paragraphs),
  };
}

/** Fetches one article page (a feed's item, or a page source on refresh). */
export async function readPage(
  url: string,
  fetch: FetchOptions,
  item: FeedItem | null = null,
): Promise<Candidate> {
  return candidateFromPage(
    await fetchDocument(url, { ...fetch, accept: "page" }),
    item,
    url,
    fetch,
  );
}

/**
 * Reads a local file: a corpus file (`.md`, the format of `corpus/`, whose metadata it
 * carries), or a saved web page (`.html`) that names its canonical URL, which becomes the
 * article's link.
 */
export async function readFileSource(path: string): Promise<Candidate> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IngestError("FILE_UNREADABLE", `${path} is not a file`);
    if (info.size > MAX_ARTICLE_FILE_BYTES) {
      throw new IngestError("TOO_LARGE", `${path} is over ${MAX_ARTICLE_FILE_BYTES} bytes`);
    }
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new IngestError(
      "FILE_UNREADABLE",
      code === "ENOENT" ? `${path} does not exist` : `cannot read ${path} (${code})`,
      { cause: error },
    );
  }
  const extension = extname(path).toLowerCase();
  if (extension === ".html" || extension === ".htm") return candidateFromHtmlFile(text, path);
  if (extension !== ".md") {
    throw new IngestError(
      "UNSUPPORTED_CONTENT",
      `${path}: only corpus files (.md with front matter) and saved pages (.html) can be added`,
    );
  }
  const parsed = parseArticle(text);
  if (!parsed.ok) {
    throw new IngestError("NOT_AN_ARTICLE", `${path}: ${parsed.problems.join("; ")}`);
  }
  const { id, ...article } = parsed.article;
  return {
    article,
    preferredId: id,
    byline: null,
    origin: path,
    canonicalUrl: normalizeUrl(article.url),
    textHash: textHash(article.paragraphs),
  };
}

function candidateFromHtmlFile(html: string, path: string): Promise<Candidate> {
  // The canonical URL is read on this thread: a hostile file must not get that far.
  refuseIfTooComplex(html, path);
  const { document } = parseHTML(html);
  const canonical = readPageMeta(document as unknown as MetaDocument, "http://invalid/").canonical;
  if (!canonical || new URL(canonical).hostname === "invalid") {
    throw new IngestError(
      "NOT_AN_ARTICLE",
      `${path} names no canonical URL (<link rel="canonical"> or og:url) to cite: add the page by its URL instead`,
    );
  }
  const fetched: FetchedDocument = {
    requestedUrl: canonical,
    url: canonical,
    kind: "page",
    contentType: "text/html",
    text: html,
    redirects: [],
  };
  return candidateFromPage(fetched, null, path);
}
