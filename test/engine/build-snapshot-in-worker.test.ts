import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-corpus.ts";
import { analyzeArticle } from "../../src/engine/article-analysis.ts";
import { buildSnapshotInWorker } from "../../src/engine/build-snapshot-in-worker.ts";
import { buildSnapshot, type CorpusSnapshot } from "../../src/engine/corpus-snapshot.ts";
import { createEngine } from "../../src/engine/create-engine.ts";
import { loadSnapshot } from "../../src/engine/load-snapshot.ts";
import { snapshotFingerprint } from "../../src/engine/snapshot-file.ts";
import { SILENT_LOGGER } from "../../src/log/logger.ts";
import { SEARCH_INDEXES } from "../../src/search/search-indexes.ts";
import { recordingLogger } from "../llm/recording-logger.ts";
import { seedArticle } from "../support/seed-engine.ts";

const { articles } = generateCorpus({ articles: 40, seed: 11 });
const corpus = [seedArticle(), ...articles];
const scratch = await mkdtemp(join(tmpdir(), "snapshot-worker-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Everything a snapshot answers from, as plain data. */
function contents(s: CorpusSnapshot) {
  return {
    passages: s.passages,
    speakers: s.speakers.all,
    longestAlias: s.speakers.longestAlias,
    wordKeys: [...s.wordKeys],
    paragraphPassages: [...s.paragraphPassages],
    size: s.index.size,
  };
}

describe("buildSnapshotInWorker", () => {
  it("builds the same snapshot a build on this thread does, and the same answers", async () => {
    const here = buildSnapshot(corpus, SEARCH_INDEXES.bm25);
    const there = await buildSnapshotInWorker(corpus);
    expect(contents(there)).toEqual(contents(here));
    expect(there.articles).toBe(corpus);
    expect(there.speakers.byAlias("ushakov")).toEqual(here.speakers.byAlias("ushakov"));
    const id = here.passages.find((p) => p.speaker >= 0)!;
    const key = [...here.speakers.get(id.speaker).aliases][0]!;
    expect(there.speakers.byAlias(key)).toEqual(here.speakers.byAlias(key));
    for (const terms of [["talk"], ["russia", "negoti"], ["tariff", "minist"]])
      expect(there.index.search(terms)).toEqual(here.index.search(terms));

    const inline = createEngine({ articles: [seedArticle()] });
    const inWorker = createEngine({
      articles: [seedArticle()],
      buildSnapshot: buildSnapshotInWorker,
    });
    await inline.replaceArticles(corpus);
    await inWorker.replaceArticles(corpus);
    for (const q of ["What did Ushakov say?", "What did the foreign minister say?", "tariffs"])
      expect(await inWorker.ask(q)).toEqual(await inline.ask(q));
  });

  it("leaves this thread free while it builds: the event loop keeps turning", async () => {
    let turns = 0;
    let building = true;
    const spin = () => {
      if (!building) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const built = buildSnapshotInWorker(corpus);
    await built;
    building = false;
    // A build on this thread would let the loop turn only between the article batches sent.
    expect(turns).toBeGreaterThan(Math.ceil(corpus.length / 100) + 20);
  });

  it("fails with the worker's reason, and the engine keeps its old corpus", async () => {
    const engine = createEngine({
      articles: [seedArticle()],
      buildSnapshot: buildSnapshotInWorker,
    });
    const broken = { ...seedArticle(), id: "broken", paragraphs: null as unknown as string[] };
    await expect(engine.replaceArticles([broken])).rejects.toThrow(/corpus build failed/);
    expect((await engine.ask("What did Ushakov say?")).status).toBe("answered");
  });

  it("saves the corpus cache it read analyses from", async () => {
    const cacheFile = join(scratch, "cache.json");
    await buildSnapshotInWorker(corpus, { cacheFile });
    expect(existsSync(cacheFile)).toBe(true);
    const again = await buildSnapshotInWorker(corpus, { cacheFile });
    expect(contents(again)).toEqual(contents(buildSnapshot(corpus, SEARCH_INDEXES.bm25)));
  });

  it("saves the built snapshot for the next start, which reads it", async () => {
    const snapshotFile = join(scratch, "refresh.snapshot");
    const built = await buildSnapshotInWorker(corpus, { snapshotFile });
    expect(existsSync(snapshotFile)).toBe(true);
    const next = await loadSnapshot(corpus, {
      file: snapshotFile,
      fingerprint: snapshotFingerprint(),
      analyze: analyzeArticle,
      logger: SILENT_LOGGER,
    });
    expect(next.fromFile).toBe(true);
    expect(contents(next.snapshot)).toEqual(contents(built));
    // Another corpus is not answered from it.
    const other = await loadSnapshot(corpus.slice(1), {
      file: snapshotFile,
      fingerprint: snapshotFingerprint(),
      analyze: analyzeArticle,
      logger: SILENT_LOGGER,
    });
    expect(other.fromFile).toBe(false);
  });

  it("keeps the newer of two overlapping builds' files, whichever finishes last", async () => {
    const snapshotFile = join(scratch, "overlap.snapshot");
    const load = (of: readonly (typeof corpus)[number][]) =>
      loadSnapshot(of, {
        file: snapshotFile,
        fingerprint: snapshotFingerprint(),
        analyze: analyzeArticle,
        logger: SILENT_LOGGER,
      });
    // The older build has far more to do, so it finishes after the newer one.
    const { articles: many } = generateCorpus({ articles: 400, seed: 12 });
    const older = buildSnapshotInWorker(many, { snapshotFile });
    const newer = buildSnapshotInWorker([seedArticle()], { snapshotFile });
    await Promise.all([older, newer]);
    expect((await load([seedArticle()])).fromFile).toBe(true);
    expect((await load(many)).fromFile).toBe(false);
    // Neither build's own file is left beside it.
    expect((await readdir(scratch)).filter((f) => f.startsWith("overlap."))).toEqual([
      "overlap.snapshot",
    ]);
  });

  it("builds all the same when analysing ahead fails, and says so in the log", async () => {
    const logger = recordingLogger();
    const loaded = await loadSnapshot(corpus, {
      file: join(scratch, "ahead-failed.snapshot"),
      fingerprint: snapshotFingerprint(),
      analyze: analyzeArticle,
      prepare: () => Promise.reject(new Error("worker exited")),
      logger,
    });
    expect(loaded.fromFile).toBe(false);
    expect(contents(loaded.snapshot)).toEqual(contents(buildSnapshot(corpus, SEARCH_INDEXES.bm25)));
    expect(logger.records.map((r) => r.msg)).toContain(
      "articles analysed on this thread: analysing ahead failed",
    );
  });

  it("says so in the log when the snapshot file cannot be written, and the build stands", async () => {
    const logger = recordingLogger();
    // A folder where the file should go: the rename over it fails.
    const snapshotFile = join(scratch, "taken.snapshot");
    await mkdir(join(snapshotFile, "inside"), { recursive: true });
    const built = await buildSnapshotInWorker(corpus, { snapshotFile, logger });
    expect(built.passages.length).toBeGreaterThan(0);
    expect(logger.records.map((e) => e.msg)).toContain(
      "corpus snapshot not saved; the next start builds it",
    );
  });

  it("swaps in only the latest of two overlapping builds", async () => {
    const engine = createEngine({
      articles: [seedArticle()],
      buildSnapshot: buildSnapshotInWorker,
    });
    const first = engine.replaceArticles(corpus);
    const second = engine.replaceArticles([seedArticle()]);
    await Promise.all([first, second]);
    expect(engine.articles().map((a) => a.id)).toEqual([seedArticle().id]);
  });
});
