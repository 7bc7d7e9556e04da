import { createHash } from "node:crypto";
import { mkdir, open as openFile, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../corpus/article.ts";
import type { ParsedArticleCache } from "../corpus/load-corpus.ts";
import type { Logger } from "../log/logger.ts";
import { type ArticleAnalysis, analyzeArticle } from "./article-analysis.ts";

/**
 * The corpus as the last run saw it, kept in DATA_DIR so a restart skips the slow part:
 * parsed article files (valid while size and modification time match) and each article's
 * analysis (sentences, speakers, terms; keyed by a hash of its paragraphs). A warm start
 * of 1,000 articles then takes a fraction of a second instead of several seconds.
 *
 * The cache is disposable: unreadable, from another version, or made by different
 * analysis code (a hash of its sources and packages), it is ignored and rebuilt.
 * Deleting the file is always safe.
 */
export interface CorpusCache {
  /** For loadCorpus. */
  readonly files: ParsedArticleCache;
  /** For buildSnapshot: an article's analysis, from the cache or made now. */
  analyze(article: Article): ArticleAnalysis;
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

/** Bump when the shape of the file or of ArticleAnalysis changes. */
export const CORPUS_CACHE_VERSION = 3;

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

interface CacheFile {
  version: number;
  fingerprint: string;
  files: Record<string, { size: number; mtimeMs: number; article: Article }>;
  analyses: Record<string, StoredAnalysis>;
}

/**
 * As stored: the word keys (hundreds of short strings an article) joined into one, which
 * halves the time JSON.parse takes over a large cache.
 */
type StoredAnalysis = Omit<ArticleAnalysis, "wordKeys"> & { wordKeys: string };

const KEY_SEPARATOR = "\n";

function toStored(analysis: ArticleAnalysis): StoredAnalysis {
  return { ...analysis, wordKeys: analysis.wordKeys.join(KEY_SEPARATOR) };
}

function fromStored(stored: StoredAnalysis): ArticleAnalysis {
  return {
    ...stored,
    wordKeys: stored.wordKeys === "" ? [] : stored.wordKeys.split(KEY_SEPARATOR),
  };
}

/**
 * JSON with every non-ASCII character escaped: the file then reads as one-byte text,
 * which Node decodes and V8 parses several times faster than UTF-8 with curly quotes.
 */
function asciiJson(value: unknown): string {
  const json = JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  // V8 keeps the last string a regular expression matched on (RegExp.input): match an
  // empty one, or the whole cache text (160 MB at 10,000 articles) stays in memory.
  /^/.test("");
  return json;
}

/** One cache file per corpus folder, under DATA_DIR/cache. */
export function corpusCacheFile(dataDir: string, corpusDir: string): string {
  const id = createHash("sha256").update(resolve(corpusDir)).digest("hex").slice(0, 16);
  return join(dataDir, "cache", `corpus-${id}.json`);
}

/** A hash of everything that decides what analyzeArticle returns. */
export async function analysisFingerprint(): Promise<string> {
  const hash = createHash("sha256").update(`v${CORPUS_CACHE_VERSION}`);
  try {
    for (const source of ANALYSIS_SOURCES) {
      const path = fileURLToPath(new URL(source, import.meta.url));
      // Recursive: word lists live in a folder beside the rules (speakers/lexicon).
      const files = (await stat(path)).isDirectory()
        ? (await readdir(path, { recursive: true }))
            .sort()
            .map((name) => join(path, name))
            .filter((f) => /\.(ts|txt)$/.test(f))
        : [path];
      for (const f of files) hash.update(f.slice(f.lastIndexOf("src"))).update(await readFile(f));
    }
    const require = createRequire(import.meta.url);
    for (const name of ANALYSIS_PACKAGES) {
      const { version } = require(`${name}/package.json`) as { version: string };
      hash.update(`${name}@${version}`);
    }
  } catch {
    hash.update(JSON.stringify(analyzeArticle(CANARY)));
  }
  return hash.digest("hex");
}

export async function openCorpusCache(file: string, logger: Logger): Promise<CorpusCache> {
  // The fingerprint (reading the analysis sources) and the cache file load side by side.
  const fingerprinting = analysisFingerprint();
  // Only the maps keep what was read: entries this run does not use are freed at save().
  const { fingerprint, files, analyses, existed } = await (async () => {
    const stored = await readCacheFile(file, fingerprinting, logger);
    return {
      fingerprint: await fingerprinting,
      files: new Map(Object.entries(stored?.files ?? {})),
      analyses: new Map(Object.entries(stored?.analyses ?? {})),
      existed: stored !== undefined,
    };
  })();
  const usedFiles = new Map<string, CacheFile["files"][string]>();
  const usedAnalyses = new Map<string, ArticleAnalysis>();
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
      const key = analysisKey(article);
      const stored = analyses.get(key);
      let analysis = usedAnalyses.get(key) ?? (stored ? fromStored(stored) : undefined);
      if (analysis) {
        stats.analysisHits++;
      } else {
        stats.analysisMisses++;
        analysis = analyzeArticle(article);
      }
      usedAnalyses.set(key, analysis);
      return analysis;
    },
    async save() {
      if (!open) return;
      open = false;
      const unchanged =
        existed &&
        stats.fileMisses === 0 &&
        stats.analysisMisses === 0 &&
        usedFiles.size === files.size &&
        usedAnalyses.size === analyses.size;
      const content = unchanged
        ? null
        : {
            files: [...usedFiles],
            analyses: [...usedAnalyses].map(([key, analysis]) => [key, analysis] as const),
          };
      // Nothing stays in memory once saved: at 10,000 articles that is over 100 MB.
      for (const map of [files, analyses]) map.clear();
      usedFiles.clear();
      usedAnalyses.clear();
      if (!content) return;
      // A temporary file renamed over the old one: a reader never sees half a cache.
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeCacheFile(temporary, fingerprint, content.files, content.analyses);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => {});
        logger.warn({ err: error, file }, "corpus cache not saved; the next start rebuilds it");
      }
    },
  };
}

/** Characters written at a time: the whole file as one string was 160 MB, twice over. */
const WRITE_CHUNK = 1 << 20;

/**
 * Writes the cache file entry by entry, with the same content as one JSON.stringify of
 * the CacheFile: a first start's memory peak no longer holds the file's text (and its
 * escaped copy) beside everything it analysed.
 */
async function writeCacheFile(
  path: string,
  fingerprint: string,
  files: readonly (readonly [string, CacheFile["files"][string]])[],
  analyses: readonly (readonly [string, ArticleAnalysis])[],
): Promise<void> {
  const handle = await openFile(path, "w");
  try {
    let pending = "";
    const put = async (text: string) => {
      pending += text;
      if (pending.length >= WRITE_CHUNK) {
        await handle.write(pending, null, "latin1");
        pending = "";
      }
    };
    await put(
      `{"version":${CORPUS_CACHE_VERSION},"fingerprint":${asciiJson(fingerprint)},"files":{`,
    );
    for (let i = 0; i < files.length; i++) {
      const [name, entry] = files[i]!;
      await put(`${i > 0 ? "," : ""}${asciiJson(name)}:${asciiJson(entry)}`);
    }
    await put(`},"analyses":{`);
    for (let i = 0; i < analyses.length; i++) {
      const [key, analysis] = analyses[i]!;
      await put(`${i > 0 ? "," : ""}${asciiJson(key)}:${asciiJson(toStored(analysis))}`);
    }
    await put("}}");
    await handle.write(pending, null, "latin1");
  } finally {
    await handle.close();
  }
}

function analysisKey(article: Pick<Article, "paragraphs">): string {
  return createHash("sha256").update(article.paragraphs.join("\u0000")).digest("base64url");
}

async function readCacheFile(
  file: string,
  fingerprinting: Promise<string>,
  logger: Logger,
): Promise<CacheFile | undefined> {
  let text: string;
  try {
    // Written as ASCII (see asciiJson): latin1 is the cheapest exact decoding.
    text = await readFile(file, "latin1");
  } catch {
    return undefined;
  }
  const fingerprint = await fingerprinting;
  try {
    const content = JSON.parse(text) as CacheFile;
    if (content.version === CORPUS_CACHE_VERSION && content.fingerprint === fingerprint) {
      return content;
    }
    logger.info({ file }, "corpus cache made by other code; rebuilding it");
  } catch (error) {
    logger.warn({ err: error, file }, "corpus cache unreadable; rebuilding it");
  }
  return undefined;
}
