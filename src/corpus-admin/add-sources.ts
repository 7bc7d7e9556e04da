import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { FileMeta } from "../corpus/article-from-text.ts";
import { sourceId } from "../ingest/article-identity.ts";
import { fetchDocument } from "../ingest/fetch-page.ts";
import { parseFeed } from "../ingest/parse-feed.ts";
import type { Actor, CorpusSource } from "../store/corpus-store.ts";
import type { CorpusChange } from "./corpus-change.ts";
import {
  candidateFromPage,
  HTML_EXTENSIONS,
  readFileSource,
  TEXT_EXTENSIONS,
} from "./read-source.ts";
import { type ProgressListener, type ReadContext, readSources, reasonOf } from "./read-sources.ts";

/**
 * Adds what a URL gives: the article of a page, or a feed as a source and its items read
 * like a refresh of that one source. `context` gives the fetch options, the time and the
 * reading limits as of when they are needed (a feed's items are read after it is fetched).
 */
export async function addUrl(
  change: CorpusChange,
  url: string,
  target: string,
  actor: Actor,
  context: () => ReadContext,
): Promise<void> {
  const { fetch } = context();
  let document: Awaited<ReturnType<typeof fetchDocument>>;
  try {
    document = await fetchDocument(url, { ...fetch, accept: "any" });
  } catch (error) {
    change.fail(target, reasonOf(error));
    return;
  }
  if (document.kind === "page") {
    try {
      const outcome = change.offer(
        await candidateFromPage(document, null, document.requestedUrl, fetch),
        sourceId("page", url),
      );
      if (outcome.kind === "added") change.putSource(newSource("page", url, actor, context().now));
    } catch (error) {
      change.fail(target, reasonOf(error));
    }
    return;
  }
  let title: string | null;
  try {
    title = parseFeed(document.text, document.url).title;
  } catch (error) {
    change.fail(target, reasonOf(error));
    return;
  }
  const id = sourceId("feed", url);
  const read = context();
  const feed = change.source(id) ?? { ...newSource("feed", url, actor, read.now), title };
  change.putSource(feed);
  await readSources(change, [feed], read);
}

/**
 * Adds one file, or every file of a folder (sorted by name, subfolders left alone), each
 * as its own file source that keeps the metadata given, so a refresh reads it the same way.
 */
export async function addFiles(
  change: CorpusChange,
  path: string,
  target: string,
  meta: FileMeta,
  actor: Actor,
  at: Date,
  onProgress?: ProgressListener,
): Promise<void> {
  let files = [path];
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    const oneArticle = (["title", "id", "url"] as const).filter((key) => meta[key] !== undefined);
    if (oneArticle.length > 0) {
      change.fail(
        target,
        `${oneArticle.map((k) => `--${k}`).join(" and ")} name${oneArticle.length === 1 ? "s" : ""} one article: add the files one by one, or give each file a front matter block`,
      );
      return;
    }
    const names = (await readdir(path)).sort();
    const readable = [...TEXT_EXTENSIONS, ...HTML_EXTENSIONS];
    files = [];
    for (const name of names) {
      const file = join(path, name);
      if (!readable.includes(extname(name).toLowerCase())) continue;
      if ((await stat(file).catch(() => null))?.isFile()) files.push(file);
    }
    if (files.length === 0) {
      change.fail(target, `the folder holds no ${readable.join(", ")} files`);
      return;
    }
  }
  const kept = Object.values(meta).some((v) => v !== undefined) ? { meta } : {};
  for (const [i, file] of files.entries()) {
    onProgress?.({ done: i, total: files.length, current: file });
    try {
      const id = sourceId("file", file);
      const outcome = change.offer(await readFileSource(file, meta, file !== path), id);
      const existing = change.source(id);
      if (outcome.kind === "added") {
        change.putSource({ ...newSource("file", file, actor, at), ...kept });
      } else if (existing && "meta" in kept) change.putSource({ ...existing, ...kept });
    } catch (error) {
      change.fail(file === path ? target : file, reasonOf(error));
    }
  }
  onProgress?.({ done: files.length, total: files.length, current: null });
}

function newSource(
  kind: CorpusSource["kind"],
  location: string,
  actor: Actor,
  at: Date,
): CorpusSource {
  return {
    id: sourceId(kind, location),
    kind,
    location,
    title: null,
    addedAt: at.toISOString(),
    addedBy: actor,
    checkedAt: at.toISOString(),
    lastError: null,
    excluded: [],
  };
}
