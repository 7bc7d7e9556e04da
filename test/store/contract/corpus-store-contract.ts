import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/index.ts";
import { audit, source, stored } from "./fixtures.ts";
import type { StoreSubject } from "./store-subject.ts";

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** What every CorpusStore does, whatever keeps it: the bot relies on each of these. */
export function corpusStoreContract(subject: StoreSubject): void {
  describe(`CorpusStore contract: ${subject.name}`, () => {
    it("starts empty and stores one change whole, with its audit entry, for every instance", async () => {
      const { stores, anotherCorpus } = await subject.fresh();
      const store = stores.corpus;
      expect(await store.read()).toEqual({ articles: [], sources: [] });
      expect(await store.log()).toEqual([]);
      const lock = await store.lock("add by test");
      await store.apply(lock, {
        putSources: [source()],
        putArticles: [stored("a", "First text."), stored("b", "Second text.")],
        audit: audit("+2 new"),
      });
      await lock.release();
      const other = await anotherCorpus();
      const snapshot = await other.read();
      expect(snapshot.sources).toEqual([source()]);
      expect(snapshot.articles).toEqual([stored("a", "First text."), stored("b", "Second text.")]);
      expect(await other.log()).toEqual([audit("+2 new")]);
    });

    it("replaces an article where it stood, deletes articles and sources, and lists the log newest first", async () => {
      const { stores } = await subject.fresh();
      const store = stores.corpus;
      const lock = await store.lock("test");
      await store.apply(lock, {
        putSources: [source("page-1"), source("page-2")],
        putArticles: [stored("a", "A."), stored("b", "B."), stored("c", "C.")],
        audit: audit("first"),
      });
      await store.apply(lock, {
        putArticles: [stored("a", "A again."), stored("d", "D.")],
        deleteArticles: ["b"],
        deleteSources: ["page-1"],
        audit: audit("second"),
      });
      await store.apply(lock, { audit: audit("third") });
      await lock.release();
      const snapshot = await store.read();
      expect(snapshot.articles.map((a) => [a.article.id, a.article.paragraphs[0]])).toEqual([
        ["a", "A again."],
        ["c", "C."],
        ["d", "D."],
      ]);
      expect(snapshot.sources.map((s) => s.id)).toEqual(["page-2"]);
      expect((await store.log()).map((e) => e.summary)).toEqual(["third", "second", "first"]);
      expect((await store.log(2)).map((e) => e.summary)).toEqual(["third", "second"]);
    });

    it("refuses to apply without holding its lock", async () => {
      const { stores } = await subject.fresh();
      const lock = await stores.corpus.lock("test");
      await lock.release();
      await expect(stores.corpus.apply(lock, { audit: audit("x") })).rejects.toThrow(
        /needs the lock/,
      );
      expect(await stores.corpus.log()).toEqual([]);
    });

    it("has one writer across instances, and says what the writer is doing", async () => {
      const { stores, anotherCorpus } = await subject.fresh();
      const other = await anotherCorpus();
      const lock = await stores.corpus.lock("refresh by cli:tester");
      const here = await caught(stores.corpus.lock("add by cli:tester"));
      expect(here.code).toBe("STORE_BUSY");
      expect(here.message).toContain("refresh by cli:tester");
      const there = await caught(other.lock("add by telegram:42"));
      expect(there.code).toBe("STORE_BUSY");
      expect(there.message).toContain("refresh by cli:tester");
      await lock.release();
      const next = await other.lock("add by telegram:42");
      await next.release();
    });

    it("changes its revision with every change, the same for every instance", async () => {
      const { stores, anotherCorpus } = await subject.fresh();
      const other = await anotherCorpus();
      const before = await other.revision();
      const lock = await stores.corpus.lock("test");
      await stores.corpus.apply(lock, { putArticles: [stored("a", "A.")], audit: audit("one") });
      const first = await other.revision();
      expect(first).not.toBe(before);
      expect(await stores.corpus.revision()).toBe(first);
      await stores.corpus.apply(lock, { deleteArticles: ["a"], audit: audit("two") });
      await lock.release();
      expect(await other.revision()).not.toBe(first);
    });

    it("tells a watcher on another instance that the corpus changed", async () => {
      const { stores, anotherCorpus } = await subject.fresh();
      const other = await anotherCorpus();
      let calls = 0;
      let changed!: () => void;
      const seen = new Promise<void>((resolve) => {
        changed = resolve;
      });
      const watch = await other.watch(() => {
        calls += 1;
        changed();
      });
      try {
        const lock = await stores.corpus.lock("test");
        await stores.corpus.apply(lock, { putArticles: [stored("a", "A.")], audit: audit("one") });
        await lock.release();
        await seen;
        expect(calls).toBeGreaterThanOrEqual(1);
        expect((await other.read()).articles.map((a) => a.article.id)).toEqual(["a"]);
      } finally {
        await watch.close();
      }
    });
  });
}
