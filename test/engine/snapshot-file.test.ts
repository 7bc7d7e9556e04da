import { mkdir, mkdtemp, open, rm, stat, truncate, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-corpus.ts";
import { generateQuestions } from "../../bench/corpus/generate-questions.ts";
import { analyzeArticle } from "../../src/engine/article-analysis.ts";
import { analysesFileOf, corpusCacheFile } from "../../src/engine/corpus-cache.ts";
import { buildSnapshot, type CorpusSnapshot } from "../../src/engine/corpus-snapshot.ts";
import { loadSnapshot } from "../../src/engine/load-snapshot.ts";
import { readSnapshotFile } from "../../src/engine/read-snapshot-file.ts";
import { corpusKey, snapshotFileOf, snapshotFingerprint } from "../../src/engine/snapshot-file.ts";
import {
  type Article,
  formatArticle,
  loadCorpus,
  loadEngine,
  SILENT_LOGGER,
} from "../../src/index.ts";
import { SEARCH_INDEXES } from "../../src/search/search-indexes.ts";
import { recordingLogger } from "../llm/recording-logger.ts";
import { seedArticle } from "../support/seed-engine.ts";

const generated = generateCorpus({ articles: 60, seed: 23 });
const scratch = await mkdtemp(join(tmpdir(), "snapshot-file-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A corpus folder of the seed article and the generated ones, and an empty DATA_DIR. */
async function tempCorpus(name: string) {
  const root = join(scratch, name);
  const corpusDir = join(root, "corpus");
  await mkdir(corpusDir, { recursive: true });
  for (const article of [seedArticle(), ...generated.articles])
    await writeFile(join(corpusDir, `${article.id}.md`), formatArticle(article));
  const config = {
    CORPUS_DIR: corpusDir,
    DATA_DIR: join(root, "data"),
    MAX_QUOTES: 3,
    MAX_QUESTION_LENGTH: 1000,
  };
  const cacheFile = corpusCacheFile(config.DATA_DIR, corpusDir);
  return { corpusDir, config, cacheFile, snapshotFile: snapshotFileOf(cacheFile) };
}

/** Everything a snapshot answers from, as plain data. */
function contents(s: CorpusSnapshot) {
  return {
    articles: s.articles,
    passages: s.passages,
    speakers: s.speakers.all,
    longestAlias: s.speakers.longestAlias,
    wordKeys: [...s.wordKeys],
    paragraphPassages: [...s.paragraphPassages],
    size: s.index.size,
  };
}

/** What the corpus cache logged about this start. */
function startStats(logger: ReturnType<typeof recordingLogger>) {
  return logger.records.find((r) => r.msg === "corpus cache")?.fields;
}

const questions = generateQuestions({
  articles: generated.articles,
  speakers: generated.speakers,
  places: generated.places,
  count: 150,
  seed: 5,
}).map((q) => q.text);

describe("the saved snapshot", () => {
  it("makes a restart read the snapshot instead of analysing, and answer exactly as a fresh build", async () => {
    const { config, snapshotFile } = await tempCorpus("restart");
    const first = recordingLogger();
    await loadEngine(config, first);
    expect(startStats(first)).toMatchObject({ analysisMisses: 61, snapshotFromFile: false });
    expect((await stat(snapshotFile)).size).toBeGreaterThan(0);

    const second = recordingLogger();
    const restarted = await loadEngine(config, second);
    // Nothing analysed, not even read from the analyses cache: the snapshot held it all.
    expect(startStats(second)).toMatchObject({
      fileHits: 61,
      analysisHits: 0,
      analysisMisses: 0,
      snapshotFromFile: true,
    });

    const fresh = await loadEngine({ ...config, DATA_DIR: undefined }, SILENT_LOGGER);
    const answered = new Set<string>();
    for (const q of questions) {
      const expected = await fresh.ask(q);
      expect(await restarted.ask(q)).toEqual(expected);
      answered.add(expected.status);
    }
    // The questions reach both outcomes, so the comparison covers real answers.
    expect([...answered].sort()).toEqual(["answered", "not_found"]);
    expect(restarted.speakers()).toEqual(fresh.speakers());
    expect(restarted.articles()).toEqual(fresh.articles());
  });

  it("holds the very snapshot a build makes: passages, speakers, word keys and postings", async () => {
    const { config, corpusDir, snapshotFile } = await tempCorpus("contents");
    await loadEngine(config, SILENT_LOGGER);
    const { articles } = await loadCorpus(corpusDir);
    const loaded = await loadSnapshot(articles, {
      file: snapshotFile,
      fingerprint: snapshotFingerprint(),
      analyze: () => {
        throw new Error("a snapshot read from its file analyses nothing");
      },
      logger: SILENT_LOGGER,
    });
    expect(loaded.fromFile).toBe(true);
    const built = buildSnapshot(articles, SEARCH_INDEXES.bm25, analyzeArticle);
    expect(contents(loaded.snapshot)).toEqual(contents(built));
    for (const s of built.speakers.all)
      for (const alias of s.aliases)
        expect(loaded.snapshot.speakers.byAlias(alias)).toEqual(built.speakers.byAlias(alias));
    const local = built.passages.find((p) => p.speaker >= 0)!;
    const article = articles[local.article]!;
    const key = [...built.speakers.get(local.speaker).aliases][0]!;
    expect(loaded.snapshot.speakers.byAlias(key)).toContain(local.speaker);
    expect(loaded.snapshot.speakers.idOf(article.id, "no such key")).toBe(-1);
    // Every term the corpus has, searched alone and in pairs, scores alike to the last bit.
    const terms = termsOf(articles);
    expect(terms.length).toBeGreaterThan(200);
    for (const [i, term] of terms.entries()) {
      expect(loaded.snapshot.index.documentFrequency(term)).toBe(
        built.index.documentFrequency(term),
      );
      const pair = [term, terms[(i * 7 + 3) % terms.length]!];
      expect(loaded.snapshot.index.search(pair)).toEqual(built.index.search(pair));
    }
  });

  it("is not used for other articles: a changed paragraph is built afresh and answered", async () => {
    const { config, corpusDir, snapshotFile } = await tempCorpus("changed");
    await loadEngine(config, SILENT_LOGGER);
    const changed: Article = {
      ...seedArticle(),
      paragraphs: [
        ...seedArticle().paragraphs,
        '"Sunflower oil shipments resume next week," Trade Minister Anna Kowalski said.',
      ],
    };
    const file = join(corpusDir, `${changed.id}.md`);
    await writeFile(file, formatArticle(changed));
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);

    const logger = recordingLogger();
    const engine = await loadEngine(config, logger);
    expect(logger.records.some((r) => /corpus changed since the snapshot/.test(r.msg))).toBe(true);
    expect(startStats(logger)).toMatchObject({ snapshotFromFile: false, analysisMisses: 1 });
    const answer = await engine.ask("What did Kowalski say about sunflower oil?");
    expect(answer.status).toBe("answered");
    expect(answer.quotes[0]?.text).toContain("Sunflower oil shipments resume");

    // And the snapshot saved for the changed corpus serves the next restart.
    const again = recordingLogger();
    await loadEngine(config, again);
    expect(startStats(again)).toMatchObject({ snapshotFromFile: true });
    expect((await stat(snapshotFile)).size).toBeGreaterThan(0);
  });

  it("is saved by a refresh too: the restart after one reads it instead of building", async () => {
    const { config, corpusDir } = await tempCorpus("refreshed");
    const engine = await loadEngine(config, SILENT_LOGGER);
    const changed: Article = {
      ...seedArticle(),
      paragraphs: [
        ...seedArticle().paragraphs,
        '"The port reopens on Friday," Anna Kowalski said.',
      ],
    };
    await writeFile(join(corpusDir, `${changed.id}.md`), formatArticle(changed));
    const { articles } = await loadCorpus(corpusDir);
    // One article changed: applied in place, then built in full in a worker, which saves it.
    await engine.replaceArticles(articles);
    expect(await engine.merged?.()).toBe(true);

    const restart = recordingLogger();
    const restarted = await loadEngine(config, restart);
    expect(startStats(restart)).toMatchObject({ snapshotFromFile: true, analysisMisses: 0 });
    const answer = await restarted.ask("What did Kowalski say about the port?");
    expect(answer.quotes[0]?.text).toContain("The port reopens on Friday");
  });

  it("is not used when other code made it, or for articles in another order", async () => {
    const { config, corpusDir, snapshotFile } = await tempCorpus("other-code");
    await loadEngine(config, SILENT_LOGGER);
    const { articles } = await loadCorpus(corpusDir);
    const fingerprint = await snapshotFingerprint();
    const logger = recordingLogger();
    expect(
      await readSnapshotFile(snapshotFile, articles, "other code", corpusKey(articles), logger),
    ).toBeUndefined();
    expect(logger.records.some((r) => /other code/.test(r.msg))).toBe(true);
    const reversed = [...articles].reverse();
    expect(corpusKey(reversed)).not.toBe(corpusKey(articles));
    expect(
      await readSnapshotFile(snapshotFile, reversed, fingerprint, corpusKey(reversed), logger),
    ).toBeUndefined();
    const retitled = articles.map((a, i) => (i === 0 ? { ...a, title: `${a.title}!` } : a));
    expect(corpusKey(retitled)).not.toBe(corpusKey(articles));
  });

  it("ignores a cut-off or corrupt file, answers all the same, and writes it again", async () => {
    const { config, snapshotFile } = await tempCorpus("corrupt");
    await loadEngine(config, SILENT_LOGGER);
    const { size } = await stat(snapshotFile);
    await truncate(snapshotFile, Math.floor(size / 2));
    const cut = recordingLogger();
    const engine = await loadEngine(config, cut);
    expect(cut.records.some((r) => r.level === "warn" && /unreadable/.test(r.msg))).toBe(true);
    expect((await engine.ask("What did Ushakov say?")).status).toBe("answered");
    expect((await stat(snapshotFile)).size).toBe(size);

    // Bytes flipped in the header: still never trusted, never a crash.
    const handle = await open(snapshotFile, "r+");
    await handle.write(Buffer.from("{{{{"), 0, 4, 30);
    await handle.close();
    const flipped = recordingLogger();
    const again = await loadEngine(config, flipped);
    expect(startStats(flipped)).toMatchObject({ snapshotFromFile: false });
    expect((await again.ask("What did Ushakov say?")).status).toBe("answered");
  });

  it("leaves the analyses cache as it was on a restart, so a refresh still finds them", async () => {
    const { config, cacheFile } = await tempCorpus("analyses");
    await loadEngine(config, SILENT_LOGGER);
    const analyses = analysesFileOf(cacheFile);
    const old = new Date(Date.now() - 60_000);
    await utimes(analyses, old, old);
    await loadEngine(config, SILENT_LOGGER);
    expect(Math.round((await stat(analyses)).mtimeMs)).toBe(old.getTime());
  });

  it("is written afresh by a start that finds a killed run's half-written copy, which goes", async () => {
    const { config, snapshotFile } = await tempCorpus("leftover");
    await mkdir(dirname(snapshotFile), { recursive: true });
    // Named by a process that no longer runs (past Linux's largest id), untouched for a day.
    const leftover = `${snapshotFile}.99999999.0a1b2c3d.tmp`;
    await writeFile(leftover, "half a snapshot");
    const dayAgo = new Date(Date.now() - 86_400_000);
    await utimes(leftover, dayAgo, dayAgo);
    const logger = recordingLogger();
    await loadEngine(config, logger);
    await expect(stat(leftover)).rejects.toThrow(/ENOENT/);
    expect((await stat(snapshotFile)).size).toBeGreaterThan(0);
    expect(logger.records.map((r) => r.msg)).toContain(
      "removed files an earlier run left half-written",
    );
  });

  it("is neither read nor written with the minisearch index", async () => {
    const { config, snapshotFile } = await tempCorpus("minisearch");
    const logger = recordingLogger();
    await loadEngine({ ...config, SEARCH_INDEX: "minisearch" }, logger);
    await expect(stat(snapshotFile)).rejects.toThrow(/ENOENT/);
    expect(startStats(logger)).toMatchObject({ snapshotFromFile: false, analysisMisses: 61 });
  });
});

/** The analysed terms of every paragraph of `articles`, each once. */
function termsOf(articles: readonly Article[]): string[] {
  const terms = new Set<string>();
  for (const article of articles)
    for (const paragraph of analyzeArticle(article).paragraphTerms)
      for (const t of paragraph.split(" ")) if (t) terms.add(t);
  return [...terms];
}
