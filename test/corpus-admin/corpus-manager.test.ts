import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatSummary } from "../../src/corpus-admin/change-summary.ts";
import { AppError } from "../../src/errors.ts";
import { changingPage } from "../helpers/news-site.ts";
import { MODERATOR, quotedArticles, startWorld, type World } from "./corpus-manager-setup.ts";

const TALKS = "grain-corridor-talks-stall-as-ankara-presses-both-sides";
const ENVOY = "envoy-visit-raises-hopes-of-prisoner-exchange";
const POWER = "power-cuts-to-end-by-the-weekend-grid-operator-says";
const GAS = "gas-storage-update";

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.close();
});

const ids = async () => (await world.store.read()).articles.map((a) => a.article.id).sort();
const engineIds = () => world.engine.articles().map((a) => a.id);

describe("corpus manager, through the real engine", () => {
  it("adds a page: stored, indexed, and quoted by the next question", async () => {
    const before = await world.engine.ask("What did Fidan say about the ships?");
    expect(quotedArticles(before)).not.toContain(TALKS);

    const summary = await world.manager.add(world.site.url("/news/talks-stall"), MODERATOR);
    expect(formatSummary(summary)).toBe("+1 new, 0 updated, 0 removed, 0 failed");
    expect(summary.added).toEqual([TALKS]);

    const snapshot = await world.store.read();
    expect(snapshot.articles).toHaveLength(1);
    const stored = snapshot.articles[0]!;
    expect(stored.article).toMatchObject({
      id: TALKS,
      title: "Grain corridor talks stall as Ankara presses both sides",
      publisher: "The Kyiv Ledger",
      published: "2024-09-12",
      url: `${world.site.origin}/news/talks-stall?utm_source=rss`,
    });
    expect(stored.article.paragraphs).toHaveLength(11);
    expect(snapshot.sources).toMatchObject([
      { kind: "page", location: world.site.url("/news/talks-stall") },
    ]);
    expect(engineIds()).toEqual(["kursk-negotiation-landscape", TALKS]);

    const after = await world.engine.ask("What did Fidan say about the ships?");
    expect(after.status).toBe("answered");
    expect(quotedArticles(after)).toContain(TALKS);
    const quote = after.quotes.find((q) => q.source.articleId === TALKS)!;
    expect(
      stored.article.paragraphs[quote.source.paragraph - 1]!.slice(quote.start, quote.end),
    ).toBe(quote.text);
    expect(after.quotes.map((q) => q.text).join(" ")).toContain("We cannot let the ships wait");

    const again = await world.manager.add(world.site.url("/news/talks-stall"), MODERATOR);
    expect(formatSummary(again)).toBe("+0 new, 0 updated, 0 removed, 0 failed (1 unchanged)");
    expect(await ids()).toEqual([TALKS]);
  });

  it("adds a feed's items, keeps the feed as a source, and refreshes new, changed and gone pages", async () => {
    await world.manager.add(world.site.url("/news/talks-stall"), MODERATOR);
    const rss = await world.manager.add(world.site.url("/feed.rss"), MODERATOR);
    expect(rss.added).toEqual([ENVOY, POWER]);
    expect(formatSummary(rss)).toBe(
      `+2 new, 0 updated, 0 removed, 1 failed: 127.0.0.1:${world.site.port}/news/taken-down: HTTP 404 Not Found`,
    );
    const power = (await world.store.read()).articles.find((a) => a.article.id === POWER)!;
    // The page has neither title nor date: the feed item's fill them.
    expect(power.article.title).toBe("Power cuts to end by the weekend, grid operator says");
    expect(power.article.published).toBe("2024-09-16");
    const sources = await world.manager.sources();
    expect(sources.map((s) => s.kind).sort()).toEqual(["feed", "page"]);
    expect(sources.find((s) => s.kind === "feed")?.title).toBe("The Kyiv Ledger – World");

    const lubinets = await world.engine.ask("What did Lubinets say?");
    expect(quotedArticles(lubinets)).toEqual([ENVOY]);

    const atom = await world.manager.add(world.site.url("/feed.atom"), MODERATOR);
    expect(atom.added).toEqual([GAS]);
    const gasV1 = await world.engine.ask("What did Koretskyi say about the reserve?");
    expect(gasV1.quotes.map((q) => q.text).join(" ")).toContain("enough for ten days");

    // The page changes, another is taken down, and the feed lists no new item.
    world.site.set("/news/changing", { type: "text/html", body: changingPage(2) });
    world.site.set("/news/talks-stall", { status: 410, type: "text/html", body: "Gone" });
    const refresh = await world.manager.refresh(MODERATOR);
    expect(refresh.updated).toEqual([GAS]);
    expect(refresh.removed).toEqual([TALKS]);
    expect(refresh.added).toEqual([]);
    expect(refresh.failed.map((f) => f.target)).toEqual([world.site.url("/news/taken-down")]);

    const snapshot = await world.store.read();
    const gas = snapshot.articles.find((a) => a.article.id === GAS)!;
    expect(gas.article.paragraphs).toHaveLength(4);
    expect(gas.article.paragraphs[1]).toContain("fourteen days");
    expect(gas.article.published).toBe("2024-10-02");
    expect(snapshot.articles.map((a) => a.article.id).sort()).toEqual([ENVOY, GAS, POWER].sort());
    expect(snapshot.sources.map((s) => s.kind).sort()).toEqual(["feed", "feed"]);

    const gasV2 = await world.engine.ask("What did Koretskyi say about the reserve?");
    const texts = gasV2.quotes.map((q) => q.text).join(" ");
    expect(texts).toContain("fourteen days");
    expect(texts).not.toContain("ten days");
    expect(engineIds()).not.toContain(TALKS);
    const fidan = await world.engine.ask("What did Fidan say about the ships?");
    expect(quotedArticles(fidan)).not.toContain(TALKS);
  });

  it("removes an article for good: a feed does not bring it back", async () => {
    await world.manager.add(world.site.url("/feed.rss"), MODERATOR);
    expect(await ids()).toContain(ENVOY);
    const removed = await world.manager.remove(ENVOY, MODERATOR);
    expect(formatSummary(removed)).toBe("+0 new, 0 updated, 1 removed, 0 failed");
    expect(await ids()).not.toContain(ENVOY);
    expect(engineIds()).not.toContain(ENVOY);
    const lubinets = await world.engine.ask("What did Lubinets say?");
    expect(quotedArticles(lubinets)).not.toContain(ENVOY);

    const refresh = await world.manager.refresh(MODERATOR);
    expect(refresh.added).toEqual([]);
    expect(await ids()).not.toContain(ENVOY);

    const feed = (await world.manager.sources()).find((s) => s.kind === "feed")!;
    const all = await world.manager.remove(feed.id, MODERATOR);
    expect(all.removed.sort()).toEqual([TALKS, POWER].sort());
    expect(await ids()).toEqual([]);
    expect(await world.manager.sources()).toEqual([]);
    expect(engineIds()).toEqual(["kursk-negotiation-landscape"]);
  });

  it("refuses to remove a shipped article or an unknown id, changing nothing", async () => {
    const shipped = await world.manager.remove("kursk-negotiation-landscape", MODERATOR);
    expect(shipped.removed).toEqual([]);
    expect(shipped.failed[0]?.reason).toMatch(/^shipped in .*corpus: delete its file there/);
    const unknown = await world.manager.remove("no-such-article", MODERATOR);
    expect(unknown.failed[0]?.reason).toContain("no added article or source has this id");
    expect(engineIds()).toEqual(["kursk-negotiation-landscape"]);
  });

  it("reports what cannot be added and stores nothing for it", async () => {
    world.site.set("/redirect/intranet", {
      status: 302,
      headers: { location: "http://127.0.0.1:9/admin" },
    });
    for (const [path, reason] of [
      ["/report.pdf", "application/pdf is not a web page or a feed"],
      ["/redirect/intranet", "loopback"],
      ["/front", "no article text found"],
      ["/big", "larger than 1.0 MB"],
    ] as const) {
      const summary = await world.manager.add(world.site.url(path), MODERATOR);
      expect(summary.added, path).toEqual([]);
      expect(summary.failed[0]?.reason, path).toContain(reason);
    }
    expect(await ids()).toEqual([]);
    expect(await world.manager.sources()).toEqual([]);
    const log = await world.manager.log();
    expect(log).toHaveLength(4);
    expect(log[0]).toMatchObject({
      action: "add",
      actor: MODERATOR,
      target: world.site.url("/big"),
    });
    expect(log[0]?.summary).toMatch(/^\+0 new, 0 updated, 0 removed, 1 failed: /);
  });

  it("tells a second refresh that one is running, and answers from the old corpus meanwhile", async () => {
    await world.manager.add(world.site.url("/news/changing"), MODERATOR);
    let open!: () => void;
    world.site.set("/news/changing", {
      type: "text/html",
      body: changingPage(2),
      gate: new Promise<void>((resolve) => {
        open = resolve;
      }),
    });
    const progress: string[] = [];
    const first = world.manager.refresh(MODERATOR, (p) => {
      if (p.current) progress.push(`${p.done}/${p.total} ${p.current}`);
    });
    await expect.poll(() => world.site.hits("/news/changing"), { timeout: 10_000 }).toBe(2);
    expect(world.manager.running()).toBe("a refresh by cli:tester");
    const second = await world.manager.refresh(MODERATOR).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).code).toBe("STORE_BUSY");
    expect((second as AppError).message).toContain("a refresh by cli:tester is running");

    const during = await world.engine.ask("What did Koretskyi say about the reserve?");
    expect(during.quotes.map((q) => q.text).join(" ")).toContain("ten days");

    open();
    const summary = await first;
    expect(summary.updated).toEqual([GAS]);
    expect(progress).toContain(`0/1 ${world.site.url("/news/changing")}`);
    expect(world.manager.running()).toBeNull();
    const after = await world.engine.ask("What did Koretskyi say about the reserve?");
    expect(after.quotes.map((q) => q.text).join(" ")).toContain("fourteen days");
  });
});
