import { normalizeUrl } from "../ingest/article-identity.ts";
import { type FetchOptions, fetchDocument } from "../ingest/fetch-page.ts";
import { IngestError, isGone } from "../ingest/ingest-error.ts";
import { type FeedItem, parseFeed } from "../ingest/parse-feed.ts";
import type { CorpusSource, StoredArticle } from "../store/corpus-store.ts";
import type { CorpusChange } from "./corpus-change.ts";
import { type Candidate, readFileSource, readPage } from "./read-source.ts";

export interface Progress {
  done: number;
  total: number;
  /** What is being read now (a URL or a file), for the progress line. */
  current: string | null;
}

export type ProgressListener = (progress: Progress) => void;

export interface ReadContext {
  fetch: FetchOptions;
  maxFeedItems: number;
  concurrency: number;
  onProgress?: ProgressListener | undefined;
  now: Date;
}

type Outcome = { ok: true; candidate: Candidate } | { ok: false; error: unknown };

/** One page or file to read, and what to do with what comes back. */
interface Task {
  target: string;
  read: () => Promise<Candidate>;
  sourceId: string;
  /** The stored article this re-reads, if any: removed when its page or file is gone. */
  articleId?: string;
}

/**
 * Re-reads `sources` (and every stored article of a feed, through its own page) into
 * `change`: new items, changed pages (updated), pages gone (404/410) or files deleted
 * (removed), and failures, which change nothing. Reads run a few at a time, but their
 * results are placed in a fixed order, so ids do not depend on which server answers first.
 */
export async function readSources(
  change: CorpusChange,
  sources: readonly CorpusSource[],
  context: ReadContext,
): Promise<void> {
  const progress = { done: 0, total: 0, current: null as string | null };
  const report = () => context.onProgress?.({ ...progress });
  const tasks: Task[] = [];
  const feeds: CorpusSource[] = [];
  for (const source of sources) {
    if (source.kind === "feed") {
      feeds.push(source);
      for (const stored of change.stored().filter((s) => s.sourceId === source.id)) {
        tasks.push({
          target: stored.origin,
          read: () => readPage(stored.origin, context.fetch, remembered(stored)),
          sourceId: source.id,
          articleId: stored.article.id,
        });
      }
      continue;
    }
    const article = change.stored().find((s) => s.sourceId === source.id);
    tasks.push({
      target: source.location,
      read: () =>
        source.kind === "file"
          ? readOwnFile(source)
          : readPage(source.location, context.fetch, article ? remembered(article) : null),
      sourceId: source.id,
      ...(article ? { articleId: article.article.id } : {}),
    });
  }
  progress.total = tasks.length + feeds.length;
  report();

  const step = async <T>(target: string, work: () => Promise<T>): Promise<T> => {
    progress.current = target;
    report();
    try {
      return await work();
    } finally {
      progress.done += 1;
      report();
    }
  };

  const feedItems = await pool(feeds, context.concurrency, (feed) =>
    step(feed.location, () => readFeedItems(feed, context)).then(
      (items) => ({ ok: true as const, items }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );
  const pageResults = await pool(tasks, context.concurrency, (task) => settle(task, step));

  const known = new Set(change.stored().flatMap((s) => [normalizeUrl(s.origin), s.canonicalUrl]));
  const itemTasks: Task[] = [];
  feeds.forEach((feed, i) => {
    const result = feedItems[i];
    const checked = { ...feed, checkedAt: context.now.toISOString() };
    if (!result?.ok) {
      const reason = reasonOf(result?.error);
      change.fail(feed.location, reason);
      change.putSource({ ...checked, lastError: reason });
      return;
    }
    change.putSource({ ...checked, lastError: null });
    for (const item of result.items) {
      const key = normalizeUrl(item.link);
      if (known.has(key) || feed.excluded.includes(key)) continue;
      known.add(key);
      itemTasks.push({
        target: item.link,
        read: () => readPage(item.link, context.fetch, item),
        sourceId: feed.id,
      });
    }
  });
  progress.total += itemTasks.length;
  report();
  const itemResults = await pool(itemTasks, context.concurrency, (task) => settle(task, step));

  [...tasks, ...itemTasks].forEach((task, i) => {
    const result = i < tasks.length ? pageResults[i] : itemResults[i - tasks.length];
    place(change, task, result, context.now);
  });
  progress.current = null;
  report();
}

/** The first `maxFeedItems` items of a feed, newest first as feeds list them. */
export async function readFeedItems(
  feed: Pick<CorpusSource, "location">,
  context: Pick<ReadContext, "fetch" | "maxFeedItems">,
): Promise<FeedItem[]> {
  const document = await fetchDocument(feed.location, { ...context.fetch, accept: "feed" });
  return parseFeed(document.text, document.url).items.slice(0, context.maxFeedItems);
}

/**
 * A file source is re-read only if the CLI added it. Older versions let a chat /add
 * store a file (`http:/../…`); such a source is reported, not read, until an operator
 * removes it or adds the file again from the CLI.
 */
async function readOwnFile(source: CorpusSource): Promise<Candidate> {
  if (source.addedBy.platform !== "cli") {
    throw new IngestError(
      "URL_REFUSED",
      `refused: this file source was added from chat, which may add web pages only; remove it (npm run corpus -- remove ${source.id}) or add the file again with npm run corpus -- add <file>`,
    );
  }
  return readFileSource(source.location, source.meta);
}

/** What the feed item said when the article was added: fills what the page still lacks. */
function remembered(stored: StoredArticle): FeedItem {
  return { link: stored.origin, title: stored.article.title, published: stored.article.published };
}

function place(change: CorpusChange, task: Task, result: Outcome | undefined, now: Date): void {
  const source = change.source(task.sourceId);
  const isOwnSource = source !== undefined && source.kind !== "feed";
  if (result?.ok) {
    change.offer(result.candidate, task.sourceId);
    if (isOwnSource) change.putSource({ ...source, checkedAt: now.toISOString(), lastError: null });
    return;
  }
  const error = result?.error;
  if (task.articleId && (isGone(error) || isMissingFile(error))) {
    // The publisher took the page down (or the file was deleted): so does the corpus.
    change.removeArticle(task.articleId);
    if (isOwnSource) change.deleteSource(source.id);
    return;
  }
  const reason = reasonOf(error);
  change.fail(task.target, reason);
  if (isOwnSource) change.putSource({ ...source, checkedAt: now.toISOString(), lastError: reason });
}

async function settle(
  task: Task,
  step: <T>(target: string, work: () => Promise<T>) => Promise<T>,
): Promise<Outcome> {
  try {
    return { ok: true, candidate: await step(task.target, task.read) };
  } catch (error) {
    return { ok: false, error };
  }
}

function isMissingFile(error: unknown): boolean {
  return (
    error instanceof IngestError &&
    error.code === "FILE_UNREADABLE" &&
    / does not exist$/.test(error.message)
  );
}

/** A short, safe reason for the summary: ingestion errors say it; anything else is unexpected. */
export function reasonOf(error: unknown): string {
  if (error instanceof IngestError) return error.message;
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

/** Runs `work` over `items`, at most `limit` at a time; results in the items' order. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(runners);
  return results;
}
