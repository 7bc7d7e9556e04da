import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-corpus.ts";
import { generateQuestions } from "../../bench/corpus/generate-questions.ts";
import {
  AppError,
  createEngine,
  EngineConfigSchema,
  loadEngine,
  parseConfig,
  SILENT_LOGGER,
} from "../../src/index.ts";
import { DEFAULT_SEARCH_INDEX, SEARCH_INDEXES } from "../../src/search/search-indexes.ts";

const CORPUS_DIR = join(import.meta.dirname, "../../corpus");

const QUESTIONS = [
  "What did Ushakov say?",
  "What did Lavrov say about negotiations?",
  "Kursk operation negotiating position",
  "exchange fund prisoners",
  "What did Joe Biden say?",
  "giraffe saxophone",
];

describe("SEARCH_INDEX", () => {
  it("takes bm25 or minisearch, defaults to bm25, and names the variable when wrong", () => {
    expect(DEFAULT_SEARCH_INDEX).toBe("bm25");
    expect(parseConfig(EngineConfigSchema, { SEARCH_INDEX: "minisearch" }).SEARCH_INDEX).toBe(
      "minisearch",
    );
    expect(parseConfig(EngineConfigSchema, {}).SEARCH_INDEX).toBeUndefined();
    expect(() => parseConfig(EngineConfigSchema, { SEARCH_INDEX: "lucene" })).toThrow(AppError);
    expect(() => parseConfig(EngineConfigSchema, { SEARCH_INDEX: "lucene" })).toThrow(
      /SEARCH_INDEX: must be one of bm25, minisearch/,
    );
  });

  it("gives the same answers over the shipped corpus with either index", async () => {
    const base = { CORPUS_DIR, MAX_QUOTES: 3, MAX_QUESTION_LENGTH: 1000 };
    const bm25 = await loadEngine({ ...base, SEARCH_INDEX: "bm25" }, SILENT_LOGGER);
    const mini = await loadEngine({ ...base, SEARCH_INDEX: "minisearch" }, SILENT_LOGGER);
    const byDefault = await loadEngine(base, SILENT_LOGGER);
    for (const question of QUESTIONS) {
      const expected = await mini.ask(question);
      expect(await bm25.ask(question)).toEqual(expected);
      expect(await byDefault.ask(question)).toEqual(expected);
    }
    expect((await bm25.ask("What did Ushakov say?")).status).toBe("answered");
    expect((await bm25.ask("giraffe saxophone")).status).toBe("not_found");
  });

  it("gives the same answers with either index over a synthetic corpus and its questions", async () => {
    const { articles, speakers } = generateCorpus({ articles: 60, seed: 8 });
    const bm25 = createEngine({ articles, indexFactory: SEARCH_INDEXES.bm25 });
    const mini = createEngine({ articles, indexFactory: SEARCH_INDEXES.minisearch });
    const questions = generateQuestions({ articles, speakers, count: 150, seed: 8 });
    let answered = 0;
    for (const { text } of questions) {
      const expected = await mini.ask(text);
      expect(await bm25.ask(text)).toEqual(expected);
      if (expected.status === "answered") answered++;
    }
    expect(answered).toBeGreaterThan(90);
  }, 60_000);
});
