import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.ts";
import type { AuditEntry, CorpusSource, StoredArticle } from "../../src/store/corpus-store.ts";
import {
  LowdbCorpusStore,
  openLowdbCorpusStore,
  STORE_FILE,
} from "../../src/store/lowdb-corpus-store.ts";

let dir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "corpus-store-"));
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

const actor = { platform: "cli" as const, id: "tester" };
const audit = (summary: string): AuditEntry => ({
  at: new Date().toISOString(),
  actor,
  action: "add",
  target: "https://news.example/a",
  summary,
  added: [],
  updated: [],
  removed: [],
  failed: [],
});
const source: CorpusSource = {
  id: "page-0000aaaa",
  kind: "page",
  location: "https://news.example/a",
  title: "A",
  addedAt: "2024-09-01T00:00:00.000Z",
  addedBy: actor,
  checkedAt: null,
  lastError: null,
  excluded: [],
};
const stored = (id: string, text: string): StoredArticle => ({
  article: {
    id,
    title: `Title ${id}`,
    publisher: "News",
    url: `https://news.example/${id}`,
    published: "2024-09-01",
    language: "en",
    paragraphs: [text],
  },
  sourceId: source.id,
  origin: `https://news.example/${id}`,
  canonicalUrl: `//news.example/${id}`,
  textHash: "h",
  byline: null,
  addedAt: "2024-09-01T00:00:00.000Z",
  updatedAt: "2024-09-01T00:00:00.000Z",
});

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A process that exists for as long as the test needs a live pid that is not ours. */
async function liveProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  await once(child, "spawn");
  return child;
}

describe("LowdbCorpusStore", () => {
  it("starts empty and stores one change atomically with its audit entry", async () => {
    const store = await openLowdbCorpusStore(dir);
    expect(await store.read()).toEqual({ articles: [], sources: [] });
    const lock = await store.lock("add by test");
    await store.apply(lock, {
      putSources: [source],
      putArticles: [stored("a", "First text.")],
      audit: audit("+1 new"),
    });
    await lock.release();
    const again = new LowdbCorpusStore(dir);
    const snapshot = await again.read();
    expect(snapshot.sources).toEqual([source]);
    expect(snapshot.articles.map((a) => a.article.paragraphs)).toEqual([["First text."]]);
    expect((await again.log()).map((e) => e.summary)).toEqual(["+1 new"]);
  });

  it("keeps the previous good state as a backup before each write", async () => {
    const store = await openLowdbCorpusStore(dir);
    const lock = await store.lock("test");
    await store.apply(lock, { putArticles: [stored("a", "Version one.")], audit: audit("one") });
    await store.apply(lock, {
      putArticles: [stored("a", "Version two.")],
      deleteSources: [],
      audit: audit("two"),
    });
    await lock.release();
    const backup = JSON.parse(await readFile(join(dir, `${STORE_FILE}.bak`), "utf8"));
    expect(backup.articles[0].article.paragraphs).toEqual(["Version one."]);
    const current = await store.read();
    expect(current.articles[0]?.article.paragraphs).toEqual(["Version two."]);
  });

  it("deletes articles and sources, and lists the log newest first", async () => {
    const store = await openLowdbCorpusStore(dir);
    const lock = await store.lock("test");
    await store.apply(lock, {
      putSources: [source],
      putArticles: [stored("a", "A."), stored("b", "B.")],
      audit: audit("first"),
    });
    await store.apply(lock, {
      deleteArticles: ["a"],
      deleteSources: [source.id],
      audit: audit("second"),
    });
    await lock.release();
    const snapshot = await store.read();
    expect(snapshot.articles.map((a) => a.article.id)).toEqual(["b"]);
    expect(snapshot.sources).toEqual([]);
    expect((await store.log()).map((e) => e.summary)).toEqual(["second", "first"]);
    expect((await store.log(1)).map((e) => e.summary)).toEqual(["second"]);
  });

  it("refuses to apply without holding its lock", async () => {
    const store = await openLowdbCorpusStore(dir);
    const lock = await store.lock("test");
    await lock.release();
    await expect(store.apply(lock, { audit: audit("x") })).rejects.toThrow(/needs the lock/);
  });

  it("stops at a damaged file, names it and the backup, and never overwrites it", async () => {
    const file = join(dir, STORE_FILE);
    await writeFile(file, '{"version": 1, "articles": [');
    const error = await caught(openLowdbCorpusStore(dir));
    expect(error.code).toBe("STORE_CORRUPT");
    expect(error.message).toContain(file);
    expect(error.message).toContain("not valid JSON");
    expect(error.message).toContain(`${file}.bak`);
    const store = new LowdbCorpusStore(dir);
    const lock = await store.lock("test");
    await caught(store.apply(lock, { audit: audit("x") }));
    await lock.release();
    expect(await readFile(file, "utf8")).toBe('{"version": 1, "articles": [');
  });

  it("stops at a file of the wrong shape, naming the field", async () => {
    await writeFile(
      join(dir, STORE_FILE),
      JSON.stringify({ version: 1, articles: [{ article: {} }], sources: [], log: [] }),
    );
    const error = await caught(openLowdbCorpusStore(dir));
    expect(error.code).toBe("STORE_CORRUPT");
    expect(error.message).toContain("articles.0");
  });

  it("has one writer: a second lock in this process is told who is writing", async () => {
    const store = await openLowdbCorpusStore(dir);
    const lock = await store.lock("refresh by cli");
    const busy = await caught(store.lock("add by cli"));
    expect(busy.code).toBe("STORE_BUSY");
    expect(busy.message).toContain("refresh by cli");
    const other = await caught(new LowdbCorpusStore(dir).lock("add by telegram"));
    expect(other.message).toContain("this process");
    await lock.release();
    const next = await store.lock("add by cli");
    await next.release();
  });

  it("tells a second writer which live process holds the lock", async () => {
    const holder = await liveProcess();
    const lockFile = join(dir, "corpus-store.lock");
    const content = JSON.stringify({
      pid: holder.pid,
      hostname: hostname(),
      purpose: "refresh by schedule",
      startedAt: "2024-09-01T10:00:00.000Z",
      token: "t-1",
    });
    await writeFile(lockFile, content);
    const store = await openLowdbCorpusStore(dir);
    const busy = await caught(store.lock("add by cli"));
    expect(busy.code).toBe("STORE_BUSY");
    expect(busy.message).toContain(`process ${holder.pid}`);
    expect(busy.message).toContain("refresh by schedule");
    expect(busy.message).toContain(lockFile);
    expect(await readFile(lockFile, "utf8")).toBe(content);
  });

  it("takes over a lock left by a dead process, or by an earlier run with our pid", async () => {
    const dead = await liveProcess();
    const deadPid = dead.pid;
    dead.kill("SIGKILL");
    await once(dead, "exit");
    const lockFile = join(dir, "corpus-store.lock");
    const store = await openLowdbCorpusStore(dir);
    for (const pid of [deadPid, process.pid]) {
      await writeFile(
        lockFile,
        JSON.stringify({ pid, hostname: hostname(), purpose: "old", startedAt: "x", token: "old" }),
      );
      const lock = await store.lock("refresh by cli");
      const now = JSON.parse(await readFile(lockFile, "utf8"));
      expect(now.pid).toBe(process.pid);
      expect(now.purpose).toBe("refresh by cli");
      await lock.release();
      await expect(readFile(lockFile, "utf8")).rejects.toThrow(/ENOENT/);
    }
  });
});
