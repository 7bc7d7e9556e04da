import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../corpus/article.ts";
import type { ParsedArticleCache } from "../corpus/load-corpus.ts";
import type { Logger } from "../log/logger.ts";
import { analysisSpill } from "./analysis-spill.ts";
import {
  type ArticleAnalysis,
  analyzeArticle,
  type PackedAnalysis,
  unpackAnalysis,
} from "./article-analysis.ts";
import {
  CORPUS_CACHE_VERSION,
  readCacheFile,
  readCacheFileSync,
  writeCacheFile,
} from "./cache-file.ts";

/**
 * The corpus as the last run saw it, kept in DATA_DIR so a restart skips the slow part:
 * parsed article files (valid while size and modification time match) in
 * `corpus-<id>.json`, and each article's analysis (sentences, speakers, terms; keyed by a
 * hash of its paragraphs) in `corpus-<id>.analyses.json`. The analyses are read at the
 * first `analyze`: a restart that reads its saved snapshot (snapshot-file.ts) never asks,
 * and leaves them as they are for the next refresh.
 *
 * The cache is disposable: unreadable, from another version, or made by different
 * analysis code (a hash of its sources and packages), it is ignored and rebuilt.
 * Deleting the files is always safe.
 */
export interface CorpusCache {
  /** For loadCorpus. */
  readonly files: ParsedArticleCache;
  /** For buildSnapshot: an article's analysis, from the cache or made now. */
  analyze(article: Article): ArticleAnalysis;
  /**
   * Analyses ahead, with `analyzeMany` (on worker threads), the articles `analyze` would
   * otherwise analyse one by one on this thread; each is kept until `analyze` asks.
   */
  prepare(
    articles: readonly Article[],
    analyzeMany: (articles: readonly Article[]) => Promise<PackedAnalysis[]>,
  ): Promise<void>;
  /**
   * Writes the cache if anything changed (keeping only what this run used), then lets go
   * of it: later calls analyse afresh and remember nothing, so it holds no memory.
   */
  save(): Promise<void>;
  readonly stats: CorpusCacheStats;
}

export interface CorpusCacheStats {
  fileHits: number;
  fileMisses: number;
  analysisHits: number;
  analysisMisses: number;
}

/** Re-exported: the version callers and tests know the cache by (cache-file.ts). */
export { CORPUS_CACHE_VERSION };

/**
 * The code an ArticleAnalysis depends on: when any of it changes, cached analyses are not
 * trusted. Folders count whole, so a new file in them counts too.
 */
const ANALYSIS_SOURCES = ["../text", "../speakers", "./article-analysis.ts"];
const ANALYSIS_PACKAGES = ["wink-nlp", "wink-eng-lite-web-model", "wink-porter2-stemmer"];

/**
 * Where the sources cannot be read (a bundled build), analysing this canary stands in for
 * them: it exercises sentence splitting (quotes, abbreviations), attribution (names,
 * roles, pronouns, outlets) and term analysis. It is the slower check (it loads the
 * sentence model), so it is only the fallback.
 */
const CANARY: Pick<Article, "paragraphs"> = {
  paragraphs: [
    "\u201CWe are ready for these negotiations. But only on our terms,\u201D Russian President Vladimir Putin said on June 7.",
    'Foreign Minister Sergey Lavrov told reporters in the U.S. that the proposal was "unacceptable." He added that talks would take time.',
    "According to the Ministry of Defence, 1,200 troops left the Kursk region \u2014 The Washington Post reported, citing officials\u2019 rumours.",
  ],
};

type FileEntry = { size: number; mtimeMs: number; article: Article };

/** One cache file per corpus folder, under DATA_DIR/cache. */
export function corpusCacheFile(dataDir: string, corpusDir: string): string {
  const id = createHash("sha256").update(resolve(corpusDir)).digest("hex").slice(0, 16);
  return join(dataDir, "cache", `corpus-${id}.json`);
}

/** A hash of everything that decides what analyzeArticle returns. */
export function analysisFingerprint(): Promise<string> {
  return sourcesFingerprint(`v${CORPUS_CACHE_VERSION}`, ANALYSIS_SOURCES, () =>
    JSON.stringify(analyzeArticle(CANARY)),
  );
}

/**
 * A hash of source files and folders (paths relative to this file) and of the analysis
 * packages' versions; where the sources cannot be read (a bundled build), of `fallback()`.
 */
export async function sourcesFingerprint(
  salt: string,
  sources: readonly string[],
  fallback: () => string,
): Promise<string> {
  const hash = createHash("sha256").update(salt);
  try {
    for (const source of sources) {
      const path = fileURLToPath(new URL(source, import.meta.url));
      // Recursive: word lists live in a folder beside the rules (speakers/lexicon).
      const files = (await stat(path)).isDirectory()
        ? (await readdir(path, { recursive: true }))
            .sort()
            .map((name) => join(path, name))
            // .js too: in a compiled build the code is there, not in .ts files.
            .filter((f) => /\.(ts|txt|json|m?js)$/.test(f))
        : [path];
      for (const f of files) hash.update(f.slice(f.lastIndexOf("src"))).update(await readFile(f));
    }
    const require = createRequire(import.meta.url);
    for (const name of ANALYSIS_PACKAGES) {
      const { version } = require(`${name}/package.json`) as { version: string };
      hash.update(`${name}@${version}`);
    }
  } catch {
    hash.update(fallback());
  }
  return hash.digest("hex");
}

/** Where the analyses of the corpus cache `file` are kept. */
export function analysesFileOf(file: string): string {
  return `${file.replace(/\.json$/, "")}.analyses.json`;
}

export async function openCorpusCache(file: string, logger: Logger): Promise<CorpusCache> {
  // The fingerprint (reading the analysis sources) and the cache file load side by side.
  const fingerprinting = analysisFingerprint();
  const storedFiles = await readCacheFile<FileEntry>(file, fingerprinting, logger);
  const fingerprint = await fingerprinting;
  // Only the maps keep what was read: entries this run does not use are freed at save().
  const files = new Map(Object.entries(storedFiles ?? {}));
  const analysesFile = analysesFileOf(file);
  // Read at the first analysis: most of the cache's bytes, and a restart may need none.
  let analyses: Map<string, PackedAnalysis> | null = null;
  let analysesExisted = false;
  const storedAnalyses = (): Map<string, PackedAnalysis> => {
    if (!analyses) {
      const stored = readCacheFileSync<PackedAnalysis>(analysesFile, fingerprint, logger);
      analyses = new Map(Object.entries(stored ?? {}));
      analysesExisted = stored !== undefined;
    }
    return analyses;
  };
  const usedFiles = new Map<string, FileEntry>();
  const usedAnalyses = new Map<string, ArticleAnalysis>();
  // Each article's key, hashed once: prepare() and analyze() both need it.
  const keys = new WeakMap<Article, string>();
  const keyOf = (article: Article): string => {
    let key = keys.get(article);
    if (key === undefined) {
      key = analysisKey(article);
      keys.set(article, key);
    }
    return key;
  };
  // Made ahead by prepare(), each given out once; packed meanwhile: at 10,000 articles
  // their word keys as separate strings were about 100 MB.
  const prepared = new Map<string, PackedAnalysis>();
  const spill = analysisSpill(analysesFile, fingerprint, logger);
  const stats: CorpusCacheStats = {
    fileHits: 0,
    fileMisses: 0,
    analysisHits: 0,
    analysisMisses: 0,
  };
  let open = true;

  return {
    stats,
    files: {
      get(name, size, mtimeMs) {
        const entry = open ? files.get(name) : undefined;
        if (entry && entry.size === size && entry.mtimeMs === mtimeMs) {
          stats.fileHits++;
          usedFiles.set(name, entry);
          return entry.article;
        }
        return undefined;
      },
      set(name, size, mtimeMs, article) {
        if (!open) return;
        stats.fileMisses++;
        usedFiles.set(name, { size, mtimeMs, article });
      },
    },
    analyze(article) {
      if (!open) return analyzeArticle(article);
      const key = keyOf(article);
      const stored = storedAnalyses().get(key);
      const known = usedAnalyses.get(key) ?? (stored ? unpackAnalysis(stored) : undefined);
      if (known) {
        stats.analysisHits++;
        usedAnalyses.set(key, known);
        return known;
      }
      // Already on disk (two articles with the same paragraphs): made again, not held.
      if (spill.has(key)) {
        stats.analysisHits++;
        return analyzeArticle(article);
      }
      stats.analysisMisses++;
      const ahead = prepared.get(key);
      prepared.delete(key);
      const analysis = ahead ? unpackAnalysis(ahead) : analyzeArticle(article);
      if (!spill.add(key, analysis)) usedAnalyses.set(key, analysis);
      return analysis;
    },
    async prepare(articles, analyzeMany) {
      if (!open) return;
      const stored = storedAnalyses();
      const missing = new Map<string, Article>();
      for (const article of articles) {
        const key = keyOf(article);
        if (!(stored.has(key) || usedAnalyses.has(key) || spill.has(key) || prepared.has(key)))
          missing.set(key, article);
      }
      if (missing.size === 0) return;
      const made = await analyzeMany([...missing.values()]);
      [...missing.keys()].forEach((key, i) => {
        prepared.set(key, made[i]!);
      });
    },
    async save() {
      if (!open) return;
      open = false;
      const filesChanged =
        storedFiles === undefined || stats.fileMisses > 0 || usedFiles.size !== files.size;
      // Never read (nothing was analysed this run): the analyses file stays as it is.
      const analysesChanged =
        analyses !== null &&
        (!analysesExisted ||
          stats.analysisMisses > 0 ||
          usedAnalyses.size + spill.size !== analyses.size);
      // Analyses written as they were made: the ones read from the old file join them.
      const spilled = analysesChanged && spill.size > 0 ? [...usedAnalyses] : null;
      const toWrite = [
        ...(filesChanged ? [{ path: file, entries: [...usedFiles] }] : []),
        ...(analysesChanged && !spilled
          ? [{ path: analysesFile, entries: [...usedAnalyses] }]
          : []),
      ];
      // Nothing stays in memory once saved: at 10,000 articles that is over 100 MB.
      files.clear();
      (analyses as Map<string, PackedAnalysis> | null)?.clear();
      usedFiles.clear();
      usedAnalyses.clear();
      prepared.clear();
      for (const { path, entries } of toWrite) {
        // A temporary file renamed over the old one: a reader never sees half a cache.
        const temporary = `${path}.${process.pid}.tmp`;
        try {
          await mkdir(dirname(path), { recursive: true });
          await writeCacheFile(temporary, fingerprint, entries);
          await rename(temporary, path);
        } catch (error) {
          await rm(temporary, { force: true }).catch(() => {});
          logger.warn(
            { err: error, file: path },
            "corpus cache not saved; the next start rebuilds it",
          );
        }
      }
      if (spilled) await spill.finish(spilled);
      else await spill.abandon();
    },
  };
}

function analysisKey(article: Pick<Article, "paragraphs">): string {
  return createHash("sha256").update(article.paragraphs.join("\u0000")).digest("base64url");
}
