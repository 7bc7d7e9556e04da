import { copyFile, mkdir, mkdtemp, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeArticle, packAnalysis } from "../../src/engine/article-analysis.ts";
import {
  analysesFileOf,
  CORPUS_CACHE_VERSION,
  corpusCacheFile,
  openCorpusCache,
} from "../../src/engine/corpus-cache.ts";
import { formatArticle, loadCorpus, loadEngine, SILENT_LOGGER } from "../../src/index.ts";
import { recordingLogger } from "../llm/recording-logger.ts";
import { SEED_FILE, seedArticle } from "../support/seed-engine.ts";

const QUESTIONS = ["What did Ushakov say?", "Kursk operation negotiations", "What did Biden say?"];

/** A corpus folder with the seed article and one small article of our own. */
async function tempCorpus(): Promise<{ corpusDir: string; dataDir: string }> {
  const root = await mkdtemp(join(tmpdir(), "corpus-cache-"));
  const corpusDir = join(root, "corpus");
  await mkdir(corpusDir);
  await copyFile(SEED_FILE, join(corpusDir, "kursk.md"));
  await writeFile(join(corpusDir, "extra.md"), extraArticle("grain exports through the port"));
  return { corpusDir, dataDir: join(root, "data") };
}

function extraArticle(topic: string): string {
  return formatArticle({
    id: "extra",
    title: "An extra article",
    publisher: "Test Wire",
    url: "https://example.org/extra",
    published: "2024-01-02",
    language: "en",
    paragraphs: [`"We will keep ${topic} open," Trade Minister Anna Kowalski said on Monday.`],
  });
}

describe("corpus cache", () => {
  it("makes a restart read articles and analyses from DATA_DIR, with the same answers", async () => {
    const { corpusDir, dataDir } = await tempCorpus();
    const config = {
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      MAX_QUOTES: 3,
      MAX_QUESTION_LENGTH: 1000,
    };
    const first = recordingLogger();
    const fresh = await loadEngine(config, first);
    const file = corpusCacheFile(dataDir, corpusDir);
    expect((await stat(file)).size).toBeGreaterThan(0);
    const firstStats = first.records.find((r) => r.msg === "corpus cache")?.fields;
    expect(firstStats).toMatchObject({
      fileHits: 0,
      fileMisses: 2,
      analysisHits: 0,
      analysisMisses: 2,
    });

    // With the bm25 index a restart reads its saved snapshot (snapshot-file.test.ts); with
    // minisearch it builds one, from the cached analyses.
    const second = recordingLogger();
    const warm = await loadEngine({ ...config, SEARCH_INDEX: "minisearch" }, second);
    const secondStats = second.records.find((r) => r.msg === "corpus cache")?.fields;
    expect(secondStats).toMatchObject({
      fileHits: 2,
      fileMisses: 0,
      analysisHits: 2,
      analysisMisses: 0,
    });

    const uncached = await loadEngine({ ...config, DATA_DIR: undefined }, SILENT_LOGGER);
    for (const q of QUESTIONS) {
      const expected = await uncached.ask(q);
      expect(await fresh.ask(q)).toEqual(expected);
      expect(await warm.ask(q)).toEqual(expected);
    }
  });

  it("re-reads and re-analyses a file whose size or time changed, and only that one", async () => {
    const { corpusDir, dataDir } = await tempCorpus();
    const config = {
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      MAX_QUOTES: 3,
      MAX_QUESTION_LENGTH: 1000,
    };
    await loadEngine(config, SILENT_LOGGER);
    const extra = join(corpusDir, "extra.md");
    await writeFile(extra, extraArticle("sunflower oil shipments"));
    const later = new Date(Date.now() + 5000);
    await utimes(extra, later, later);

    const logger = recordingLogger();
    const engine = await loadEngine(config, logger);
    const stats = logger.records.find((r) => r.msg === "corpus cache")?.fields;
    expect(stats).toMatchObject({ fileHits: 1, fileMisses: 1, analysisHits: 1, analysisMisses: 1 });
    const answer = await engine.ask("sunflower oil shipments");
    expect(answer.status).toBe("answered");
    expect(answer.quotes[0]?.text).toContain("sunflower oil");
    expect((await engine.ask("grain exports port")).status).toBe("not_found");
  });

  it("gives back exactly the analysis it stored", async () => {
    const { corpusDir, dataDir } = await tempCorpus();
    const file = corpusCacheFile(dataDir, corpusDir);
    const writer = await openCorpusCache(file, SILENT_LOGGER);
    writer.analyze(seedArticle());
    await writer.save();
    const reader = await openCorpusCache(file, SILENT_LOGGER);
    expect(reader.analyze(seedArticle())).toEqual(analyzeArticle(seedArticle()));
    expect(reader.stats).toMatchObject({ analysisHits: 1, analysisMisses: 0 });
  });

  it("analyses ahead only what it lacks, gives each back once, and saves it as its own", async () => {
    const { corpusDir, dataDir } = await tempCorpus();
    const file = corpusCacheFile(dataDir, corpusDir);
    const other = {
      ...seedArticle(),
      id: "other",
      paragraphs: ["Officials said the port reopened."],
    };
    const first = await openCorpusCache(file, SILENT_LOGGER);
    first.analyze(seedArticle());
    await first.save();

    const second = await openCorpusCache(file, SILENT_LOGGER);
    const asked: string[][] = [];
    await second.prepare([seedArticle(), other], async (articles) => {
      asked.push(articles.map((a) => a.id));
      return articles.map((a) => packAnalysis(analyzeArticle(a)));
    });
    // The seed article's analysis is in the cache already: only the other one is made.
    expect(asked).toEqual([["other"]]);
    expect(second.analyze(other)).toEqual(analyzeArticle(other));
    expect(second.analyze(seedArticle())).toEqual(analyzeArticle(seedArticle()));
    expect(second.stats).toMatchObject({ analysisHits: 1, analysisMisses: 1 });
    await second.save();

    const third = await openCorpusCache(file, SILENT_LOGGER);
    expect(third.analyze(other)).toEqual(analyzeArticle(other));
    expect(third.stats).toMatchObject({ analysisHits: 1, analysisMisses: 0 });
  });

  it("writes new analyses beside the ones it read, and drops those no article used", async () => {
    const { corpusDir, dataDir } = await tempCorpus();
    const file = corpusCacheFile(dataDir, corpusDir);
    const article = (topic: string, id: string) => ({
      ...seedArticle(),
      id,
      paragraphs: [`"We will keep ${topic} open," Trade Minister Anna Kowalski said on Monday.`],
    });
    const [kept, dropped, added] = [
      article("grain exports", "kept"),
      article("the border", "dropped"),
      article("the port", "added"),
    ];
    const first = await openCorpusCache(file, SILENT_LOGGER);
    first.analyze(kept);
    first.analyze(dropped);
    await first.save();

    const second = await openCorpusCache(file, SILENT_LOGGER);
    expect(second.analyze(added)).toEqual(analyzeArticle(added));
    expect(second.analyze(kept)).toEqual(analyzeArticle(kept));
    // Two articles with the same paragraphs share one entry, written once.
    expect(second.analyze({ ...added, id: "added-again" })).toEqual(analyzeArticle(added));
    await second.save();
    expect(second.stats).toMatchObject({ analysisHits: 2, analysisMisses: 1 });
    const stored = JSON.parse(await readFile(analysesFileOf(file), "utf8"));
    expect(Object.keys(stored.entries)).toHaveLength(2);

    const third = await openCorpusCache(file, SILENT_LOGGER);
    expect(third.analyze(added)).toEqual(analyzeArticle(added));
    expect(third.analyze(kept)).toEqual(analyzeArticle(kept));
    expect(third.analyze(dropped)).toEqual(analyzeArticle(dropped));
    expect(third.stats).toMatchObject({ analysisHits: 2, analysisMisses: 1 });
  });

  it("analyses all the same when the cache cannot be written, and says so once", async () => {
    const { corpusDir, dataDir } = await tempCorpus();
    // DATA_DIR is a file: no cache folder can be made under it.
    await writeFile(dataDir, "not a folder");
    const logger = recordingLogger();
    const cache = await openCorpusCache(corpusCacheFile(dataDir, corpusDir), logger);
    const other = {
      ...seedArticle(),
      id: "other",
      paragraphs: ["Another paragraph, said Ivanov."],
    };
    expect(cache.analyze(seedArticle())).toEqual(analyzeArticle(seedArticle()));
    expect(cache.analyze(other)).toEqual(analyzeArticle(other));
    await cache.save();
    const warnings = logger.records.filter((r) => r.level === "warn");
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((r) => /not saved/.test(r.msg))).toBe(true);
    expect(warnings.length).toBeLessThanOrEqual(3);
  });

  it("does not rewrite an unchanged cache", async () => {
    const { corpusDir, dataDir } = await tempCorpus();
    const config = {
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      MAX_QUOTES: 3,
      MAX_QUESTION_LENGTH: 1000,
    };
    await loadEngine(config, SILENT_LOGGER);
    const file = corpusCacheFile(dataDir, corpusDir);
    const old = new Date(Date.now() - 60_000);
    const analyses = analysesFileOf(file);
    await utimes(file, old, old);
    await utimes(analyses, old, old);
    // minisearch: a start that reads every analysis (bm25 reads its saved snapshot instead).
    const logger = recordingLogger();
    await loadEngine({ ...config, SEARCH_INDEX: "minisearch" }, logger);
    expect(logger.records.find((r) => r.msg === "corpus cache")?.fields).toMatchObject({
      analysisHits: 2,
    });
    expect(Math.round((await stat(file)).mtimeMs)).toBe(old.getTime());
    expect(Math.round((await stat(analyses)).mtimeMs)).toBe(old.getTime());
  });

  it("ignores a corrupt cache or one made by other code, and rebuilds it", async () => {
    const { corpusDir, dataDir } = await tempCorpus();
    const config = {
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      MAX_QUOTES: 3,
      MAX_QUESTION_LENGTH: 1000,
    };
    const file = corpusCacheFile(dataDir, corpusDir);
    await loadEngine(config, SILENT_LOGGER);

    await writeFile(file, "{ not json");
    const corrupt = recordingLogger();
    const engine = await loadEngine(config, corrupt);
    expect(corrupt.records.some((r) => r.level === "warn" && /unreadable/.test(r.msg))).toBe(true);
    expect((await engine.ask("What did Ushakov say?")).status).toBe("answered");
    expect(JSON.parse(await readFile(file, "utf8")).version).toBe(CORPUS_CACHE_VERSION);
    // Written as ASCII, so that it reads back fast; curly quotes survive as escapes.
    expect((await readFile(file)).every((byte) => byte < 0x80)).toBe(true);

    const analyses = analysesFileOf(file);
    const content = JSON.parse(await readFile(analyses, "utf8"));
    // A poisoned analysis under another fingerprint must never be used.
    for (const key of Object.keys(content.entries)) content.entries[key].paragraphTerms = [];
    await writeFile(analyses, JSON.stringify({ ...content, fingerprint: "other code" }));
    const other = recordingLogger();
    const rebuilt = await loadEngine({ ...config, SEARCH_INDEX: "minisearch" }, other);
    expect(other.records.some((r) => /other code/.test(r.msg))).toBe(true);
    expect(other.records.find((r) => r.msg === "corpus cache")?.fields).toMatchObject({
      analysisHits: 0,
    });
    expect((await rebuilt.ask("Kursk operation negotiations")).status).toBe("answered");
  });

  it("keeps one cache file per corpus folder", async () => {
    const a = await tempCorpus();
    const b = await tempCorpus();
    expect(corpusCacheFile(a.dataDir, a.corpusDir)).not.toBe(
      corpusCacheFile(a.dataDir, b.corpusDir),
    );
    const { articles } = await loadCorpus(a.corpusDir);
    expect(articles).toHaveLength(2);
  });
});
