import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { parseHTML } from "linkedom";
import type { Article } from "../corpus/article.ts";
import { articleFromText, type FileMeta } from "../corpus/article-from-text.ts";
import { decodeUtf8, MAX_ARTICLE_FILE_BYTES } from "../corpus/load-corpus.ts";
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

/** The files `corpus add` reads, by extension: corpus, text and Markdown files, saved pages. */
export const TEXT_EXTENSIONS = [".md", ".markdown", ".txt", ".text"];
export const HTML_EXTENSIONS = [".html", ".htm"];

/**
 * Reads a local file: a corpus file (`.md` with front matter, whose metadata it carries),
 * a plain text or Markdown file (its title from its first line, the rest from `meta`), or
 * a saved web page (`.html`) that names its canonical URL, which becomes the article's
 * link. Its errors do not repeat the path: the summary names the file once.
 */
export async function readFileSource(
  path: string,
  meta: FileMeta = {},
  inFolder = false,
): Promise<Candidate> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IngestError("FILE_UNREADABLE", "not a file");
    if (info.size > MAX_ARTICLE_FILE_BYTES) {
      throw new IngestError("TOO_LARGE", `over ${MAX_ARTICLE_FILE_BYTES} bytes`);
    }
    const decoded = decodeUtf8(await readFile(path));
    if (decoded === null) {
      throw new IngestError(
        "NOT_AN_ARTICLE",
        "not valid UTF-8: convert it (e.g. iconv -f latin1 -t utf-8) and save again",
      );
    }
    text = decoded;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new IngestError(
      "FILE_UNREADABLE",
      code === "ENOENT" ? "the file does not exist" : `cannot be read (${code})`,
      { cause: error },
    );
  }
  const extension = extname(path).toLowerCase();
  if (HTML_EXTENSIONS.includes(extension)) {
    const candidate = await candidateFromHtmlFile(text, path);
    const { title, publisher, published, language } = meta;
    const article = {
      ...candidate.article,
      ...(title ? { title } : {}),
      ...(publisher ? { publisher } : {}),
      ...(published ? { published } : {}),
      ...(language ? { language } : {}),
    };
    return { ...candidate, article, ...(meta.id ? { preferredId: meta.id } : {}) };
  }
  if (!TEXT_EXTENSIONS.includes(extension)) {
    throw new IngestError(
      "UNSUPPORTED_CONTENT",
      `only text and Markdown files (${TEXT_EXTENSIONS.join(", ")}) and saved pages (.html) can be added${extension ? `, not ${extension}` : ""}`,
    );
  }
  const parsed = articleFromText(text, {
    markdown: extension === ".md" || extension === ".markdown",
    meta,
    howToGive: (keys) =>
      inFolder && keys.some((k) => k === "url" || k === "title")
        ? `give each file of a folder a front matter block with ${keys.map((k) => `${k}:`).join(" and ")} (see README: corpus file format), or add the file alone with ${keys.map((k) => `--${k}`).join(" and ")}`
        : `give ${keys.map((k) => `--${k}`).join(" and ")}, or a front matter block (see README: corpus file format)`,
  });
  if (!parsed.ok) throw new IngestError("NOT_AN_ARTICLE", parsed.problems.join("; "));
  const { article } = parsed;
  return {
    article,
    ...(parsed.id ? { preferredId: parsed.id } : {}),
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
      `names no canonical URL (<link rel="canonical"> or og:url) to cite: add the page by its URL instead`,
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
