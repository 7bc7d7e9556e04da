import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSnapshot } from "../../src/engine/corpus-snapshot.ts";
import {
  DEV_KINDS,
  type DevKind,
  type DevReport,
  type DevSet,
  evaluateDevSet,
  formatDevReport,
  loadDevSet,
  plainBm25Baseline,
} from "../../src/eval/dev-set.ts";
import { createEngine } from "../../src/index.ts";
import { ROOT } from "../support/seed-engine.ts";

/**
 * Floors on the development set (test/fixtures/dev-corpus), a little under what
 * `npm run eval` measured when they were set (see docs/quality.md), so a real regression
 * fails and a one-question wobble does not. Raise them as the engine improves.
 */
const FLOORS = {
  answeredRight: 0.85,
  refusedRight: 0.9,
  kinds: {
    speaker: 0.95,
    role: 0.83,
    speaker_topic: 0.8,
    fact: 0.85,
    who_said: 0.95,
    paraphrase: 0.45,
    typo: 0.85,
    followup: 0.85,
    other_language: 0.6,
    chatty: 0.8,
    unanswerable: 0.9,
  } satisfies Record<DevKind, number>,
};

let set: DevSet;
let report: DevReport;

beforeAll(async () => {
  set = await loadDevSet(join(ROOT, "test/fixtures/dev-corpus"));
  report = await evaluateDevSet(createEngine({ articles: set.articles }), set);
}, 60_000);

describe("the development set", () => {
  it("has its 33 articles and questions of every kind, each answer's article in the corpus", () => {
    expect(set.articles.length).toBe(33);
    const ids = new Set(set.articles.map((a) => a.id));
    for (const kind of DEV_KINDS) {
      expect(set.questions.filter((q) => q.kind === kind).length, kind).toBeGreaterThan(0);
    }
    for (const q of set.questions)
      for (const a of q.answers) expect(ids.has(a.article), `${q.id} ${a.article}`).toBe(true);
  });

  it("scores above its floors overall and in every kind, every quote verbatim", () => {
    const summary = formatDevReport(report);
    expect(report.answeredRight, summary).toBeGreaterThanOrEqual(FLOORS.answeredRight);
    expect(report.refusedRight, summary).toBeGreaterThanOrEqual(FLOORS.refusedRight);
    for (const k of report.kinds) {
      expect(k.right, `${k.kind}\n${summary}`).toBeGreaterThanOrEqual(FLOORS.kinds[k.kind]);
    }
    expect(report.verbatimRate).toBe(1);
  });

  it("answers more than a plain BM25 that never refuses, while refusing what it should", () => {
    const baseline = plainBm25Baseline(buildSnapshot(set.articles), set.questions);
    expect(baseline).toBeGreaterThan(0.5);
    expect(report.answeredRight).toBeGreaterThan(baseline + 0.1);
  });
});
