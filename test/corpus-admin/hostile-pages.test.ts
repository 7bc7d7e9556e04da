import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatSummary } from "../../src/corpus-admin/change-summary.ts";
import { MODERATOR, startWorld, type World } from "./corpus-manager-setup.ts";

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.close();
});

const html = (body: string) => ({ type: "text/html; charset=utf-8", body });
/**
 * 108 KB of nested `<div>`s under the depth cap: Readability needs about 47 s for it, far
 * past the 5 s deadline on a fast machine too (four such chains took 4 to 11 s, too close).
 */
const SLOW_PAGE = `<html><head><title>Slow</title></head><body>${`${"<div>".repeat(490)}<p>x</p>${"</div>".repeat(490)}`.repeat(20)}</body></html>`;
/** 88 KB, 8,000 levels deep: Readability overflows the stack on it. */
const DEEP_PAGE = `<html><head><title>Deep</title></head><body>${"<div>".repeat(8000)}<p>x</p>${"</div>".repeat(8000)}</body></html>`;

describe("corpus manager, on pages built to be slow", () => {
  it("stops a slow page at the fetch deadline while the main thread keeps running", async () => {
    world.site.set("/news/slow", html(SLOW_PAGE));
    let ticks = 0;
    const interval = setInterval(() => ticks++, 10);
    const started = performance.now();
    try {
      const summary = await world.manager.add(world.site.url("/news/slow"), MODERATOR);
      expect(formatSummary(summary)).toBe(
        `+0 new, 0 updated, 0 removed, 1 failed: 127.0.0.1:${world.site.port}/news/slow: page too complex at ${world.site.url("/news/slow")}: no article extracted within 5 s (CORPUS_FETCH_TIMEOUT_SECONDS)`,
      );
    } finally {
      clearInterval(interval);
    }
    expect(performance.now() - started).toBeLessThan(15_000);
    // A free main thread ticks ~500 times in 5 s; the page run on it would allow none.
    expect(ticks).toBeGreaterThanOrEqual(100);
    expect((await world.store.read()).articles).toEqual([]);
  });

  it("refuses a page nested too deep that a followed feed brings to a refresh", async () => {
    world.site.set("/news/deep", html(DEEP_PAGE));
    world.site.set("/feed-deep.rss", {
      type: "application/rss+xml",
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>
<item><title>Deep</title><link>{{origin}}/news/deep</link></item>
<item><title>Talks</title><link>{{origin}}/news/talks-stall</link></item></channel></rss>`,
    });
    const summary = await world.manager.add(world.site.url("/feed-deep.rss"), MODERATOR);
    expect(summary.added).toHaveLength(1);
    expect(formatSummary(summary)).toContain(
      `page too complex at ${world.site.url("/news/deep")}: elements nested 501 deep (at most 500)`,
    );
  });

  it("refuses a saved page nested too deep before parsing it on the main thread", async () => {
    const path = join(world.dataDir, "deep.html");
    await writeFile(
      path,
      `<html><body>${"<div>".repeat(100_000)}x${"</div>".repeat(100_000)}</body></html>`,
    );
    const summary = await world.manager.add(path, MODERATOR);
    expect(formatSummary(summary)).toBe(
      `+0 new, 0 updated, 0 removed, 1 failed: ${path}: page too complex at ${path}: elements nested 501 deep (at most 500)`,
    );
  });
});
