import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FetchOptions, fetchDocument } from "../../src/ingest/fetch-page.ts";
import type { Resolver } from "../../src/ingest/guard-url.ts";
import { IngestError } from "../../src/ingest/ingest-error.ts";
import { type NewsSite, startNewsSite } from "../helpers/news-site.ts";

let site: NewsSite;
/** A second server standing in for an intranet service: nothing may ever reach it. */
let intranet: NewsSite;
let options: FetchOptions;

beforeAll(async () => {
  site = await startNewsSite();
  intranet = await startNewsSite();
  const resolve: Resolver = async (host) => {
    if (host === "news.test" || host === "intranet.test")
      return [{ address: "127.0.0.1", family: 4 }];
    throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  };
  options = {
    policy: { allowPrivate: false, allowedEndpoints: [`127.0.0.1:${site.port}`] },
    resolve,
    limits: { timeoutMs: 2_000, maxBytes: 1024 * 1024 },
  };
});

afterAll(async () => {
  await site.close();
  await intranet.close();
});

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe("fetchDocument", () => {
  it("fetches a page and reports its kind, type and final URL", async () => {
    const doc = await fetchDocument(site.url("/news/talks-stall"), options);
    expect(doc.kind).toBe("page");
    expect(doc.contentType).toBe("text/html");
    expect(doc.url).toBe(site.url("/news/talks-stall"));
    expect(doc.text).toContain("Grain corridor talks stall");
  });

  it("connects to the address it checked, through a host name", async () => {
    const doc = await fetchDocument(`http://news.test:${site.port}/news/envoy-visit`, options);
    expect(doc.text).toContain("Envoy visit");
  });

  it("recognises RSS and Atom feeds, also one served as text/html", async () => {
    expect((await fetchDocument(site.url("/feed.rss"), options)).kind).toBe("feed");
    expect((await fetchDocument(site.url("/feed.atom"), options)).kind).toBe("feed");
    expect((await fetchDocument(site.url("/feed-as-html"), options)).kind).toBe("feed");
  });

  it("refuses a page where a feed is expected, and the reverse", async () => {
    const notFeed = await failure(
      fetchDocument(site.url("/news/talks-stall"), { ...options, accept: "feed" }),
    );
    expect(notFeed.code).toBe("NOT_A_FEED");
    const notPage = await failure(
      fetchDocument(site.url("/feed.rss"), { ...options, accept: "page" }),
    );
    expect(notPage.message).toContain("expected a web page but got a feed");
  });

  it("decompresses gzip", async () => {
    const doc = await fetchDocument(site.url("/gzip"), options);
    expect(doc.text).toContain("Grain corridor talks stall");
  });

  it("follows a redirect and reports it", async () => {
    const doc = await fetchDocument(site.url("/redirect/once"), options);
    expect(doc.url).toBe(site.url("/news/talks-stall"));
    expect(doc.redirects).toEqual([site.url("/news/talks-stall")]);
  });

  it("refuses a redirect to another private address without connecting to it", async () => {
    site.set("/redirect/intranet", {
      status: 302,
      headers: { location: `${intranet.origin}/news/talks-stall` },
    });
    site.set("/redirect/named", {
      status: 307,
      headers: { location: `http://intranet.test:${intranet.port}/news/talks-stall` },
    });
    const direct = await failure(fetchDocument(site.url("/redirect/intranet"), options));
    expect(direct.code).toBe("URL_REFUSED");
    expect(direct.message).toContain("loopback");
    const named = await failure(fetchDocument(site.url("/redirect/named"), options));
    expect(named.code).toBe("URL_REFUSED");
    expect(named.message).toContain("intranet.test resolves to 127.0.0.1");
    expect(intranet.hits("/news/talks-stall")).toBe(0);
  });

  it("refuses a redirect to another scheme and stops a redirect loop", async () => {
    const ftp = await failure(fetchDocument(site.url("/redirect/ftp"), options));
    expect(ftp.message).toContain("only http and https");
    const loop = await failure(fetchDocument(site.url("/redirect/loop"), options));
    expect(loop.code).toBe("TOO_MANY_REDIRECTS");
    expect(site.hits("/redirect/loop")).toBe(6);
  });

  it("stops a 50 MB page at the size cap while it streams", async () => {
    const error = await failure(fetchDocument(site.url("/big"), options));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toContain("1.0 MB");
    await expect.poll(() => site.hits("/big")).toBe(1);
    expect(site.big.finished).toBe(false);
    expect(site.big.bytesSent).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses a declared oversized body before reading it", async () => {
    const error = await failure(fetchDocument(site.url("/big-declared"), options));
    expect(error.code).toBe("TOO_LARGE");
  });

  it("refuses a PDF and an image with a reason", async () => {
    const pdf = await failure(fetchDocument(site.url("/report.pdf"), options));
    expect(pdf.code).toBe("UNSUPPORTED_CONTENT");
    expect(pdf.message).toContain("application/pdf is not a web page or a feed");
    expect(pdf.message).toContain("PDF articles are not supported");
    const image = await failure(fetchDocument(site.url("/photo.jpg"), options));
    expect(image.message).toContain("image/jpeg");
  });

  it("times out a server that stalls mid-body or never answers", async () => {
    const short = { ...options, limits: { ...options.limits, timeoutMs: 300 } };
    const midBody = await failure(fetchDocument(site.url("/stall"), short));
    expect(midBody.code).toBe("TIMEOUT");
    const silent = await failure(fetchDocument(site.url("/stall-headers"), short));
    expect(silent.code).toBe("TIMEOUT");
    expect(silent.message).toContain("0.3 s");
  });

  it("reports HTTP errors with their status", async () => {
    const error = await failure(fetchDocument(site.url("/no-such-page"), options));
    expect(error.code).toBe("HTTP_STATUS");
    expect(error.status).toBe(404);
    expect(error.message).toBe("HTTP 404 Not Found");
  });

  it("is refused at the first hop without an allowance", async () => {
    const error = await failure(
      fetchDocument(site.url("/news/talks-stall"), { ...options, policy: { allowPrivate: false } }),
    );
    expect(error.code).toBe("URL_REFUSED");
  });

  it("passes a caller's cancellation through as such", async () => {
    const controller = new AbortController();
    const pending = fetchDocument(site.url("/stall-headers"), {
      ...options,
      signal: controller.signal,
    });
    controller.abort(new Error("shutting down"));
    await expect(pending).rejects.toThrow("shutting down");
  });
});
