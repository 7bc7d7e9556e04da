import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summarize } from "../../bench/harness/latency.ts";
import type { BenchReport } from "../../bench/harness/report.ts";
import { runBenchmarks } from "../../bench/harness/run-benchmarks.ts";
import { writeBenchmarksMarkdown } from "../../bench/harness/write-markdown.ts";

describe("npm run bench at a tiny size", () => {
  it("measures the real engine and both indexes, and writes JSON and BENCHMARKS.md", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bench-test-"));
    const markdownFile = join(dir, "BENCHMARKS.md");
    const questions = 30;
    const { report, jsonFile, table } = await runBenchmarks({
      sizes: [5],
      seed: 3,
      questions,
      warmup: 3,
      engineIndexes: ["bm25"],
      compareIndexes: true,
      facesSize: "shipped",
      cacheDir: join(dir, "corpora"),
      outDir: join(dir, "results"),
      markdownFile,
      command: "npm run bench -- --test",
      log: () => {},
    });

    expect(report.engine.map((r) => [r.size, r.index, r.start])).toEqual([
      [5, "bm25", "first"],
      [5, "bm25", "restart"],
    ]);
    for (const r of report.engine) {
      expect(r.ask.count).toBe(questions);
      expect(r.coldStartMs).toBeGreaterThan(0);
      expect(r.memory.rss).toBeGreaterThan(0);
      expect(r.passages).toBeGreaterThan(0);
      const timed = Object.values(r.outcomes).reduce((s, o) => s + o.answered + o.not_found, 0);
      expect(timed).toBe(questions);
      // Questions about invented people and words must never be answered.
      expect(r.outcomes.unanswerable.answered).toBe(0);
      expect(r.outcomes.speaker.answered).toBeGreaterThan(0);
      const files = 5;
      expect(r.articles).toBe(files);
      if (r.start === "first") {
        expect(r.cache).toMatchObject({ fileMisses: files, fileHits: 0 });
        expect(r.snapshotFromFile).toBe(false);
      } else if (r.index === "bm25") {
        // The restart reads the snapshot the first start saved: nothing is analysed.
        expect(r.cache).toMatchObject({ fileHits: files, analysisHits: 0, analysisMisses: 0 });
        expect(r.snapshotFromFile).toBe(true);
      } else {
        expect(r.cache).toMatchObject({ fileHits: files, analysisHits: files, analysisMisses: 0 });
      }
    }
    expect(report.engine[0]?.paragraphs).toBeGreaterThanOrEqual(40);

    expect(report.indexes.map((r) => r.comparison.indexes.map((i) => i.name))).toEqual([
      ["minisearch", "bm25"],
    ]);
    for (const r of report.indexes) {
      expect(r.searches).toBeGreaterThan(0);
      expect(r.comparison.agreement?.queries).toBeGreaterThan(0);
    }

    const [telegram, discord] = report.faces;
    expect(telegram).toMatchObject({ part: "telegram", updates: questions });
    expect(telegram?.part === "telegram" && telegram.replyLatency.count).toBe(questions);
    expect(telegram?.part === "telegram" && telegram.updatesPerSecond).toBeGreaterThan(0);
    expect(discord).toMatchObject({ part: "discord", deferral: { count: questions } });
    expect(discord?.part === "discord" && discord.burstDeferral.count).toBe(
      discord?.part === "discord" && discord.burst,
    );

    const [listed] = report.listings ?? [];
    expect(listed).toMatchObject({ part: "listings", size: 5, articles: 5 });
    expect(listed?.autocomplete.count).toBeGreaterThan(0);
    expect(listed?.telegramSources.p50).toBeGreaterThan(0);

    const saved = JSON.parse(await readFile(jsonFile, "utf8")) as BenchReport;
    expect(saved.engine).toHaveLength(2);
    expect(saved.machine.cores).toBeGreaterThan(0);
    expect(await readFile(join(dir, "results", "latest.json"), "utf8")).toBe(
      await readFile(jsonFile, "utf8"),
    );
    expect(table).toContain("5 synthetic");

    const markdown = await readFile(markdownFile, "utf8");
    expect(markdown).toContain("<!-- bench:results:start -->");
    expect(markdown).toContain("`npm run bench -- --test`");
    expect(markdown).toMatch(/\| 5 synthetic \| \d+ \| \d+ \| bm25 \| first \|/);
    expect(markdown).toContain(`${report.machine.cores} cores`);
    expect(markdown).toMatch(/\| Telegram \| shipped \| \d+ updates\/s/);
    expect(markdown).toMatch(/\| Discord \| shipped \| deferral p50/);
    expect(markdown).toMatch(/\| 5 synthetic \| 5 \| \d+ \| [\d.]+ \|/);
  }, 240_000);
});

describe("BENCHMARKS.md", () => {
  it("keeps the hand-written text and replaces only the generated section", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bench-md-"));
    const file = join(dir, "BENCHMARKS.md");
    await writeFile(
      file,
      "# Benchmarks\n\nWritten by hand.\n\n<!-- bench:results:start -->\nold numbers\n<!-- bench:results:end -->\n\n## Notes\n\nAlso by hand.\n",
    );
    const report: BenchReport = {
      startedAt: "2026-01-01T00:00:00.000Z",
      command: "npm run bench",
      machine: {
        cpuModel: "Test CPU",
        cores: 2,
        memoryGiB: 4,
        node: "v20.0.0",
        platform: "linux x64",
      },
      seed: 1,
      questionsPerSize: 10,
      warmup: 1,
      engine: [],
      indexes: [],
      faces: [],
    };
    await writeBenchmarksMarkdown(file, report);
    const text = await readFile(file, "utf8");
    expect(text).toContain("Written by hand.");
    expect(text).toContain("## Notes\n\nAlso by hand.");
    expect(text).not.toContain("old numbers");
    expect(text).toContain("Test CPU, 2 cores, 4 GiB memory");
  });
});

describe("summarize", () => {
  it("reports nearest-rank percentiles that are real samples", () => {
    const samples = Array.from({ length: 1000 }, (_, i) => i + 1);
    const s = summarize(samples.reverse());
    expect(s).toMatchObject({ count: 1000, p50: 500, p95: 950, p99: 990, max: 1000 });
    expect(s.mean).toBeCloseTo(500.5, 6);
    expect(summarize([7])).toMatchObject({ p50: 7, p99: 7 });
  });
});
