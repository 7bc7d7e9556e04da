import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { decodeBody } from "./decode-body.ts";
import {
  bareHost,
  checkUrlShape,
  defaultPort,
  type ResolvedAddress,
  type Resolver,
  resolveAllowedAddress,
  type UrlPolicy,
} from "./guard-url.ts";
import { IngestError } from "./ingest-error.ts";

export type DocumentKind = "page" | "feed";

export interface FetchedDocument {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL the body came from, after redirects. */
  url: string;
  kind: DocumentKind;
  /** The media type without parameters, e.g. `text/html`. */
  contentType: string;
  text: string;
  /** Every URL redirected to, in order. */
  redirects: string[];
}

export interface FetchLimits {
  /** For the whole fetch, redirects and body included. */
  timeoutMs: number;
  /** Of the body after decompression; the download stops as soon as it is passed. */
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
};

export interface FetchOptions {
  policy: UrlPolicy;
  limits?: Partial<FetchLimits>;
  /** What the caller can use: a page, a feed, or either (`add <url>` decides by what comes). */
  accept?: DocumentKind | "any";
  resolve?: Resolver;
  /** Cancels the fetch (shutdown); a timeout is reported as TIMEOUT, this as the signal's reason. */
  signal?: AbortSignal;
  userAgent?: string;
}

const USER_AGENT = "newsquote-bot/0.1 (corpus ingestion)";
const PAGE_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/xml",
  "text/xml",
]);
/** Types that say nothing reliable: the body decides (a feed served as text/plain). */
const SNIFF_TYPES = new Set(["", "text/plain", "application/octet-stream"]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches one web page or feed under the ingestion rules: http(s) only; every address
 * the host resolves to checked (again after each redirect, which is followed by hand);
 * the connection pinned to the checked address, so DNS cannot answer differently
 * between the check and the connect (rebinding); one deadline for the whole fetch; the
 * body streamed and cut off at the size cap; and a content-type check before any of
 * the body is read, so a PDF or a video is refused without being downloaded.
 */
export async function fetchDocument(
  rawUrl: string,
  options: FetchOptions,
): Promise<FetchedDocument> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const accept = options.accept ?? "any";
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const redirects: string[] = [];
  let url = checkUrlShape(rawUrl);
  try {
    for (;;) {
      const pinned = await resolveAllowedAddress(url, options.policy, options.resolve);
      signal.throwIfAborted();
      const response = await requestOnce(url, pinned, signal, options.userAgent ?? USER_AGENT);
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        response.resume();
        const location = response.headers.location;
        if (!location) {
          throw new IngestError("HTTP_STATUS", `HTTP ${status} without a Location`, { status });
        }
        if (redirects.length >= limits.maxRedirects) {
          throw new IngestError(
            "TOO_MANY_REDIRECTS",
            `more than ${limits.maxRedirects} redirects (last to ${location.slice(0, 200)})`,
          );
        }
        url = checkUrlShape(new URL(location, url).href);
        redirects.push(url.href);
        continue;
      }
      if (status < 200 || status > 299) {
        response.resume();
        const text = http.STATUS_CODES[status] ?? "";
        throw new IngestError("HTTP_STATUS", `HTTP ${status} ${text}`.trim(), { status });
      }
      const contentType = (response.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
      const declared = classify(contentType.toLowerCase());
      if (declared === "refused") {
        response.resume();
        throw new IngestError(
          "UNSUPPORTED_CONTENT",
          `refused: ${contentType} is not a web page or a feed${contentType === "application/pdf" ? " (PDF articles are not supported: save the text as a corpus file)" : ""}`,
        );
      }
      const bytes = await readCapped(response, limits.maxBytes);
      const text = decodeBody(bytes, response.headers["content-type"]);
      const kind = declared === "sniff" || declared === "page" ? sniff(text, declared) : declared;
      if (kind === null) {
        throw new IngestError(
          "UNSUPPORTED_CONTENT",
          `refused: ${contentType || "a body without a content type"} that is neither HTML nor a feed`,
        );
      }
      if (accept !== "any" && kind !== accept) {
        throw new IngestError(
          accept === "feed" ? "NOT_A_FEED" : "UNSUPPORTED_CONTENT",
          `expected a ${accept === "feed" ? "feed" : "web page"} but got ${kind === "feed" ? "a feed" : "a web page"} (${contentType})`,
        );
      }
      return { requestedUrl: rawUrl, url: url.href, kind, contentType, text, redirects };
    }
  } catch (error) {
    if (timeout.aborted && !(error instanceof IngestError)) {
      throw new IngestError("TIMEOUT", `no complete answer within ${limits.timeoutMs / 1000} s`, {
        cause: error,
      });
    }
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof IngestError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new IngestError(
      "FETCH_FAILED",
      `cannot fetch ${url.host}: ${code ?? (error as Error).message}`,
      { cause: error },
    );
  }
}

function classify(contentType: string): DocumentKind | "sniff" | "refused" {
  if (PAGE_TYPES.has(contentType)) return "page";
  if (FEED_TYPES.has(contentType) || contentType.endsWith("+xml")) return "feed";
  if (SNIFF_TYPES.has(contentType)) return "sniff";
  return "refused";
}

/** Feeds are often served as text/html or text/plain; their first element gives them away. */
function sniff(text: string, declared: "page" | "sniff"): DocumentKind | null {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, "")
    .trimStart();
  const body = head.replace(/^<\?xml[^>]*>\s*/i, "").replace(/^(<!--[\s\S]*?-->\s*)+/, "");
  if (/^<(rss|feed|rdf:RDF)[\s>]/i.test(body)) return "feed";
  if (declared === "page" || /^<(!doctype html|html)[\s>]/i.test(body)) return "page";
  return null;
}

function requestOnce(
  url: URL,
  pinned: ResolvedAddress,
  signal: AbortSignal,
  userAgent: string,
): Promise<IncomingMessage> {
  // Node calls `lookup` with `all: true` when it may try several addresses
  // (autoSelectFamily); either way it gets only the address that was checked.
  const lookup = ((_host, opts, callback) => {
    if (opts.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  }) as LookupFunction;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: bareHost(url),
        port: defaultPort(url),
        path: `${url.pathname}${url.search}`,
        method: "GET",
        headers: {
          "user-agent": userAgent,
          accept:
            "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1",
          "accept-encoding": "gzip, deflate, br",
        },
        // A fresh connection per request: a pooled one could be to another address.
        agent: false,
        lookup,
        signal,
      },
      resolve,
    );
    request.on("error", reject);
    request.end();
  });
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  const encoding = (response.headers["content-encoding"] ?? "identity").toLowerCase().trim();
  if (Number.isFinite(declared) && declared > maxBytes && encoding === "identity") {
    response.destroy();
    throw tooLarge(maxBytes);
  }
  const stream = decompress(response, encoding);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      // Counted after decompression, so a small gzip bomb is stopped as early as a big page.
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } finally {
    if (total > maxBytes || !response.complete) {
      response.destroy();
      if (stream !== response) stream.destroy();
    }
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): IngestError {
  return new IngestError(
    "TOO_LARGE",
    `larger than ${(maxBytes / 1024 / 1024).toFixed(1)} MB (CORPUS_FETCH_MAX_MB)`,
  );
}

function decompress(response: IncomingMessage, encoding: string): Readable {
  const make =
    encoding === "gzip" || encoding === "x-gzip"
      ? createGunzip
      : encoding === "deflate"
        ? createInflate
        : encoding === "br"
          ? createBrotliDecompress
          : null;
  if (encoding !== "identity" && make === null) {
    response.destroy();
    throw new IngestError("UNSUPPORTED_CONTENT", `unsupported content encoding ${encoding}`);
  }
  if (make === null) return response;
  const inflater = make();
  response.on("error", (error) => inflater.destroy(error));
  return response.pipe(inflater);
}
