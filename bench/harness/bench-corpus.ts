import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { formatArticle } from "../../src/corpus/format-article.ts";
import { generateCorpus } from "../corpus/generate-corpus.ts";
import type { QuestionSpeaker } from "../corpus/generate-questions.ts";

/** "shipped" is the corpus/ folder of the repository; a number is that many synthetic articles. */
export type BenchSize = "shipped" | number;

export interface BenchCorpus {
  /** A folder of article files, as CORPUS_DIR would name it. */
  dir: string;
  /** Speakers questions may name, with what they talk about (empty for the shipped one). */
  speakers: QuestionSpeaker[];
  /** Country adjectives for role questions (empty for the shipped one). */
  places: string[];
  /** Seconds spent generating and writing it (0 when it came from the cache). */
  preparedInSeconds: number;
}

/** Bump when the generator's output changes, so stale cached corpora are not reused. */
export const GENERATOR_VERSION = 2;

export const SHIPPED_CORPUS_DIR = resolve(import.meta.dirname, "../../corpus");

export function defaultCacheDir(): string {
  return join(tmpdir(), "newsquote-bench");
}

export function parseSize(text: string): BenchSize {
  if (text === "shipped") return "shipped";
  const n = Number(text.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`size "${text}" is neither "shipped" nor a whole number of articles`);
  }
  return n;
}

/**
 * The corpus folder for one size. Synthetic corpora are written once per (size, seed,
 * generator version) under `cacheDir`, so cold-start runs read real files from disk.
 */
export async function prepareCorpus(
  size: BenchSize,
  options: { seed: number; cacheDir: string },
): Promise<BenchCorpus> {
  if (size === "shipped") {
    return { dir: SHIPPED_CORPUS_DIR, speakers: [], places: [], preparedInSeconds: 0 };
  }
  const root = join(options.cacheDir, `synthetic-v${GENERATOR_VERSION}-${options.seed}-${size}`);
  const dir = join(root, "corpus");
  const speakersFile = join(root, "speakers.json");
  try {
    const { speakers, places } = JSON.parse(await readFile(speakersFile, "utf8")) as {
      speakers: QuestionSpeaker[];
      places: string[];
    };
    return { dir, speakers, places, preparedInSeconds: 0 };
  } catch {
    // Not cached yet (or half written): build it below.
  }
  const started = performance.now();
  const corpus = generateCorpus({ articles: size, seed: options.seed });
  const staging = `${root}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, "corpus"), { recursive: true });
  for (const article of corpus.articles) {
    await writeFile(join(staging, "corpus", `${article.id}.md`), formatArticle(article));
  }
  const speakers: QuestionSpeaker[] = corpus.speakers.map(({ name, surname, topics, role }) => ({
    name,
    surname,
    topics,
    role,
  }));
  // The speakers file marks the corpus complete, so it is written last.
  await writeFile(
    join(staging, "speakers.json"),
    JSON.stringify({ speakers, places: corpus.places }),
  );
  await rm(root, { recursive: true, force: true });
  await rename(staging, root);
  return {
    dir,
    speakers,
    places: corpus.places,
    preparedInSeconds: (performance.now() - started) / 1000,
  };
}
