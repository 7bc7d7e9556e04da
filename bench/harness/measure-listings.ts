import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderSourcesPage as renderDiscordSources } from "../../adapters/discord/render-sources.ts";
import {
  renderSourcesPage as renderTelegramSources,
  SOURCES_PER_PAGE,
} from "../../adapters/telegram/render-sources-page.ts";
import { LIST_PER_PAGE, listArticles } from "../../src/cli/list-articles.ts";
import { openCorpusCache } from "../../src/engine/corpus-cache.ts";
import { createEngine, loadCorpus, pageOf, SILENT_LOGGER, withListings } from "../../src/index.ts";
import { prepareCorpus } from "./bench-corpus.ts";
import { type LatencySummary, nowMs, summarize } from "./latency.ts";
import { currentLoad, type SizeOptions } from "./size-options.ts";

export interface ListingsPartResult {
  part: "listings";
  size: SizeOptions["size"];
  articles: number;
  speakers: number;
  /** withListings over a built engine: both lists and the suggestion index, once per corpus. */
  buildMs: number;
  /** Telegram's /sources first page, rendered (engine lists to HTML). */
  telegramSources: LatencySummary;
  /** Discord's /sources first page, rendered (embeds and buttons). */
  discordSources: LatencySummary;
  /** `corpus list`, its first page formatted (the engine already loaded). */
  corpusList: LatencySummary;
  /** One autocomplete keystroke: a name or role prefix of 1 to 4 letters. */
  autocomplete: LatencySummary;
  /** The same keystrokes on the engine without withListings: what each cost before. */
  autocompleteUnlisted: LatencySummary;
  load: { before: number; after: number };
}

/** Calls timed per measure, after as many untimed ones. */
const CALLS = 2_000;

function time(calls: number, work: (i: number) => unknown): LatencySummary {
  for (let i = 0; i < Math.min(calls, 200); i++) work(i);
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = nowMs();
    work(i);
    samples.push(nowMs() - start);
  }
  return summarize(samples);
}

/**
 * What the per-request listings cost at one corpus size: /sources and `corpus list` first
 * pages and autocomplete keystrokes, each from the engine's precomputed lists, and what
 * withListings takes to make them. The engine is built from the corpus cache the engine
 * part wrote (`cacheFile`), or from scratch without one.
 */
export async function measureListingsPart(
  options: SizeOptions,
  cacheFile: string,
): Promise<ListingsPartResult> {
  const loadBefore = currentLoad();
  const corpus = await prepareCorpus(options.size, options);
  const scratch = await mkdtemp(join(tmpdir(), "bench-listings-"));
  try {
    const cache = await openCorpusCache(cacheFile || join(scratch, "cache.json"), SILENT_LOGGER);
    const { articles } = await loadCorpus(corpus.dir, { cache: cache.files });
    const raw = createEngine({
      articles,
      logger: SILENT_LOGGER,
      analyzeArticle: (article) => cache.analyze(article),
    });
    await cache.save();
    const started = nowMs();
    const engine = withListings(raw);
    const buildMs = nowMs() - started;

    const speakers = engine.speakers();
    const prefixes = speakers.flatMap((s) =>
      [...s.name.split(/\s+/), ...s.roles].flatMap((word) =>
        [1, 2, 3, 4].map((n) => word.slice(0, n)),
      ),
    );
    const keystroke = (i: number) => prefixes[(i * 7919) % Math.max(1, prefixes.length)] ?? "";
    return {
      part: "listings",
      size: options.size,
      articles: engine.articles().length,
      speakers: speakers.length,
      buildMs,
      telegramSources: time(CALLS, () =>
        renderTelegramSources(pageOf(engine.articles(), 1, SOURCES_PER_PAGE)),
      ),
      discordSources: time(CALLS, () => renderDiscordSources(pageOf(engine.articles(), 1, 10))),
      corpusList: time(
        CALLS,
        () => listArticles(engine.articles(), { page: 1, perPage: LIST_PER_PAGE, all: false }).text,
      ),
      autocomplete: time(CALLS * 5, (i) => engine.suggestSpeakers(keystroke(i), 25)),
      autocompleteUnlisted: time(Math.min(CALLS, 300), (i) =>
        raw.suggestSpeakers(keystroke(i), 25),
      ),
      load: { before: loadBefore, after: currentLoad() },
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
