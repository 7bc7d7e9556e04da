import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../errors.ts";
import type { Article } from "./article.ts";
import { parseArticle } from "./parse-article.ts";

export interface CorpusProblem {
  path: string;
  message: string;
}

export interface LoadedCorpus {
  articles: Article[];
  /** Files that could not be used, each with what is wrong. The others still load. */
  problems: CorpusProblem[];
  /** Files used, with something to fix (a name that is not `<id>.md`). */
  warnings: CorpusProblem[];
}

export const CORPUS_FILE_EXTENSION = ".md";
/** A corpus file larger than this is not an article: refuse it rather than index it. */
export const MAX_ARTICLE_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Articles parsed in an earlier run, by file name, valid while the file's size and
 * modification time are unchanged (as git's index trusts them): reading and parsing a
 * thousand files costs more than the rest of a warm start.
 */
export interface ParsedArticleCache {
  get(name: string, size: number, mtimeMs: number): Article | undefined;
  set(name: string, size: number, mtimeMs: number, article: Article): void;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The file's text, or null when it is not UTF-8 (a Latin-1 "café" would otherwise load
 * as "caf\uFFFD" and be quoted that way).
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Reads every `*.md` article in `dir`. A bad file becomes a problem with its path; a
 * missing or empty corpus is an AppError whose message says how to fix it. Of two files
 * with one id, the one named `<id>.md` is kept (else the first by name) and the other is
 * a problem naming both: a copy of an article must not replace it unnoticed.
 */
export async function loadCorpus(
  dir: string,
  options: { cache?: ParsedArticleCache } = {},
): Promise<LoadedCorpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(CORPUS_FILE_EXTENSION)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "does not exist"
        : code === "ENOTDIR"
          ? "is not a folder"
          : `cannot be read (${code})`;
    throw new AppError(
      "CORPUS_UNREADABLE",
      `The corpus folder ${dir} ${why}. Set CORPUS_DIR to a folder of article files (see README: corpus file format).`,
      { cause: error },
    );
  }
  const loaded: Array<{ name: string; path: string; article: Article }> = [];
  const problems: CorpusProblem[] = [];
  // Every file is stat-ed (size and time decide whether a cached parse still holds): ask
  // for all of them at once rather than one round trip after another.
  const infos = await Promise.all(
    names.map((name) => stat(join(dir, name)).catch((error: unknown) => error as Error)),
  );
  for (const [i, name] of names.entries()) {
    const path = join(dir, name);
    try {
      const info = infos[i]!;
      if (info instanceof Error) throw info;
      if (!info.isFile()) continue;
      if (info.size > MAX_ARTICLE_FILE_BYTES) {
        problems.push({
          path,
          message: `file is ${info.size} bytes, over the ${MAX_ARTICLE_FILE_BYTES}-byte limit`,
        });
        continue;
      }
      let article = options.cache?.get(name, info.size, info.mtimeMs);
      if (!article) {
        const text = decodeUtf8(await readFile(path));
        if (text === null) {
          problems.push({
            path,
            message: "not valid UTF-8: convert it (e.g. iconv -f latin1 -t utf-8) and save again",
          });
          continue;
        }
        const result = parseArticle(text);
        if (!result.ok) {
          problems.push({ path, message: result.problems.join("; ") });
          continue;
        }
        article = result.article;
        options.cache?.set(name, info.size, info.mtimeMs, article);
      }
      loaded.push({ name, path, article });
    } catch (error) {
      problems.push({ path, message: `cannot be read: ${(error as Error).message}` });
    }
  }
  const { articles, clashes, warnings } = settleIds(loaded);
  problems.push(...clashes);
  if (articles.length === 0) {
    const detail = problems.length > 0 ? ` (${problems.length} file(s) had problems)` : "";
    throw new AppError(
      "CORPUS_EMPTY",
      `No articles could be loaded from ${dir}${detail}. Add article files (see README: corpus file format) or set CORPUS_DIR.`,
    );
  }
  return { articles, problems, warnings };
}

/** One article per id (see loadCorpus), in file order; a warning for each misnamed file. */
function settleIds(loaded: ReadonlyArray<{ name: string; path: string; article: Article }>): {
  articles: Article[];
  clashes: CorpusProblem[];
  warnings: CorpusProblem[];
} {
  const kept = new Map<string, (typeof loaded)[number]>();
  for (const file of loaded) {
    const id = file.article.id;
    const earlier = kept.get(id);
    if (!earlier || (file.name === `${id}${CORPUS_FILE_EXTENSION}` && earlier.name !== file.name)) {
      kept.set(id, file);
    }
  }
  const articles: Article[] = [];
  const clashes: CorpusProblem[] = [];
  const warnings: CorpusProblem[] = [];
  for (const file of loaded) {
    const id = file.article.id;
    const winner = kept.get(id)!;
    const ownName = `${id}${CORPUS_FILE_EXTENSION}`;
    if (winner !== file) {
      const why = winner.name === ownName ? "it is named after the id" : "it comes first by name";
      clashes.push({
        path: file.path,
        message: `id "${id}" is also the id of ${winner.path}, which is kept (${why}): give this file an id of its own`,
      });
      continue;
    }
    articles.push(file.article);
    if (file.name !== ownName) {
      warnings.push({
        path: file.path,
        message: `its id is "${id}": rename the file ${ownName}, so that a clash of ids keeps it`,
      });
    }
  }
  return { articles, clashes, warnings };
}
