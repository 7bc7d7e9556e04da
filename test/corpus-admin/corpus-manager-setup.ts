import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Answer } from "../../src/answer/answer.ts";
import { type CorpusManager, createCorpusManager } from "../../src/corpus-admin/corpus-manager.ts";
import { loadAllArticles } from "../../src/corpus-admin/load-all-articles.ts";
import { createEngine } from "../../src/engine/create-engine.ts";
import type { Engine } from "../../src/engine/engine.ts";
import type { FetchOptions } from "../../src/ingest/fetch-page.ts";
import type { Actor } from "../../src/store/corpus-store.ts";
import { type LowdbCorpusStore, openLowdbCorpusStore } from "../../src/store/lowdb-corpus-store.ts";
import { type NewsSite, startNewsSite } from "../helpers/news-site.ts";

export const SHIPPED_CORPUS = join(import.meta.dirname, "..", "..", "corpus");
export const MODERATOR: Actor = { platform: "cli", id: "tester", name: "tester" };

export interface World {
  site: NewsSite;
  dataDir: string;
  store: LowdbCorpusStore;
  engine: Engine;
  manager: CorpusManager;
  fetch: FetchOptions;
  close(): Promise<void>;
}

/** The real engine over the shipped corpus plus a fresh store, and a news site to add from. */
export async function startWorld(corpusDir = SHIPPED_CORPUS): Promise<World> {
  const site = await startNewsSite();
  const dataDir = await mkdtemp(join(tmpdir(), "corpus-admin-"));
  const store = await openLowdbCorpusStore(dataDir);
  const all = await loadAllArticles({ corpusDir, store });
  const engine = createEngine({ articles: all.articles });
  const fetch: FetchOptions = {
    policy: { allowPrivate: false, allowedEndpoints: [`127.0.0.1:${site.port}`] },
    limits: { timeoutMs: 5_000, maxBytes: 1024 * 1024 },
  };
  const manager = createCorpusManager({
    store,
    corpusDir,
    engine,
    fetch,
    shipped: all.shipped,
  });
  return {
    site,
    dataDir,
    store,
    engine,
    manager,
    fetch,
    async close() {
      await site.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The ids of the articles an answer quotes. */
export function quotedArticles(answer: Answer): string[] {
  return [...new Set(answer.quotes.map((q) => q.source.articleId))];
}
