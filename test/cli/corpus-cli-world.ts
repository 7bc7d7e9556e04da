import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { runCorpus } from "../../src/cli/run-corpus.ts";
import { type NewsSite, startNewsSite } from "../helpers/news-site.ts";
import { fakeIo } from "./cli-io-fake.ts";

export const SHIPPED_CORPUS = join(import.meta.dirname, "..", "..", "corpus");

export interface CorpusCliWorld {
  /** The local news site, new for each test. */
  readonly site: NewsSite;
  /** The CLI's environment: a fresh DATA_DIR, the shipped corpus, loopback allowed. */
  readonly env: Record<string, string>;
  corpus(...argv: string[]): Promise<{ code: number; out: string; err: string }>;
}

/** Registers a news site and a fresh DATA_DIR around each test of the calling file. */
export function useCorpusCliWorld(prefix: string): CorpusCliWorld {
  let site: NewsSite | undefined;
  let env: Record<string, string> | undefined;
  beforeEach(async () => {
    site = await startNewsSite();
    env = {
      DATA_DIR: await mkdtemp(join(tmpdir(), prefix)),
      CORPUS_DIR: SHIPPED_CORPUS,
      // The CLI has no per-endpoint allowance: the test site is on loopback.
      CORPUS_ALLOW_PRIVATE_URLS: "true",
      LOG_LEVEL: "silent",
    };
  });
  afterEach(async () => {
    await site?.close();
    if (env) await rm(env.DATA_DIR!, { recursive: true, force: true });
  });
  return {
    get site() {
      return site!;
    },
    get env() {
      return env!;
    },
    async corpus(...argv) {
      const io = fakeIo(argv, env!);
      const code = await runCorpus(io);
      return { code, out: io.out(), err: io.err() };
    },
  };
}
