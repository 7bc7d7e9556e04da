import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-corpus.ts";
import { analyzeInWorkers } from "../../src/engine/analyze-in-workers.ts";
import { analyzeArticle, unpackAnalysis } from "../../src/engine/article-analysis.ts";
import { analyzeAhead } from "../../src/engine/load-engine.ts";
import { seedArticle } from "../support/seed-engine.ts";

const { articles } = generateCorpus({ articles: 60, seed: 5 });
const corpus = [seedArticle(), ...articles];

describe("analyzeInWorkers", () => {
  it("gives what analyzeArticle gives, packed, in the articles' order, with one thread or two", async () => {
    const here = corpus.map(analyzeArticle);
    for (const threads of [1, 2]) {
      const there = await analyzeInWorkers(corpus, threads);
      expect(there.map(unpackAnalysis)).toEqual(here);
    }
    expect(await analyzeInWorkers([])).toEqual([]);
  });

  it("rejects with the failure when an article cannot be analysed", async () => {
    const broken = { paragraphs: null as unknown as string[] };
    await expect(analyzeInWorkers([...corpus.slice(0, 30), broken])).rejects.toThrow(
      /article analysis failed/,
    );
  });

  it("gives the same analyses, packed, for a few articles (made on this thread)", async () => {
    const few = await analyzeAhead(corpus.slice(0, 3));
    expect(few.map(unpackAnalysis)).toEqual(corpus.slice(0, 3).map(analyzeArticle));
  });
});
