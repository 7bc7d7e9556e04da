import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/ingest/extract-article.ts";
import { extractArticleInWorker } from "../../src/ingest/extract-in-worker.ts";
import { IngestError } from "../../src/ingest/ingest-error.ts";
import { fixture } from "../helpers/news-site.ts";

const ORIGIN = "https://ledger.example";
const talks = fixture("talks-stall.html").replaceAll("{{origin}}", ORIGIN);
/** Within the depth cap, yet each chain costs Readability seconds: only a deadline stops it. */
const slowPage = `<html><body>${`${"<div>".repeat(490)}<p>x</p>${"</div>".repeat(490)}`.repeat(8)}</body></html>`;

/** Counts the ticks of a 10 ms interval on this (the main) thread while `work` runs. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ ticks: number; ms: number }> {
  let ticks = 0;
  const interval = setInterval(() => ticks++, 10);
  const started = performance.now();
  try {
    await work().catch(() => undefined);
  } finally {
    clearInterval(interval);
  }
  return { ticks, ms: performance.now() - started };
}

describe("extractArticleInWorker", () => {
  it("extracts a page exactly as extractArticle does", async () => {
    const url = `${ORIGIN}/news/talks-stall`;
    expect(await extractArticleInWorker(talks, url)).toEqual(extractArticle(talks, url));
  });

  it("brings back the worker's refusal as the same IngestError", async () => {
    const error = await extractArticleInWorker("", `${ORIGIN}/empty`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("NOT_AN_ARTICLE");
    expect((error as IngestError).message).toMatch(`no article text found at ${ORIGIN}/empty`);
  });

  it("stops a page that takes longer than the deadline, and the main thread keeps running", async () => {
    let error: unknown;
    const { ticks, ms } = await ticksDuring(() =>
      extractArticleInWorker(slowPage, `${ORIGIN}/slow`, { timeoutMs: 1500 }).catch((e) => {
        error = e;
      }),
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("TOO_COMPLEX");
    expect((error as IngestError).message).toBe(
      `page too complex at ${ORIGIN}/slow: no article extracted within 1.5 s (CORPUS_FETCH_TIMEOUT_SECONDS)`,
    );
    expect(ms).toBeLessThan(5000);
    // Over 1.5 s a free main thread ticks ~150 times; run on it, the page would allow none.
    expect(ticks).toBeGreaterThanOrEqual(30);
    // The stopped worker is replaced: the next page is read as usual.
    const next = await extractArticleInWorker(talks, `${ORIGIN}/news/talks-stall`);
    expect(next.paragraphs).toHaveLength(11);
  });

  it("stops at once when the signal aborts (shutdown)", async () => {
    const controller = new AbortController();
    const reason = new Error("shutting down");
    setTimeout(() => controller.abort(reason), 300);
    const started = performance.now();
    const error = await extractArticleInWorker(slowPage, `${ORIGIN}/slow`, {
      timeoutMs: 20_000,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("reads several pages at once", async () => {
    const url = `${ORIGIN}/news/talks-stall`;
    const all = await Promise.all(
      Array.from({ length: 6 }, () => extractArticleInWorker(talks, url)),
    );
    expect(all.map((a) => a.paragraphs.length)).toEqual([11, 11, 11, 11, 11, 11]);
  });
});
