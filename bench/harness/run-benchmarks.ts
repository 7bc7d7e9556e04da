import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BenchSize } from "./bench-corpus.ts";
import type { IndexKind } from "./index-kinds.ts";
import { describeMachine } from "./machine.ts";
import type { EnginePartResult } from "./measure-engine.ts";
import type { IndexPartResult } from "./measure-index-part.ts";
import type { ListingsPartResult } from "./measure-listings.ts";
import type { RefreshPartResult } from "./measure-refresh.ts";
import { type BenchReport, type FacePartResult, renderReportText } from "./report.ts";
import { writeBenchmarksMarkdown } from "./write-markdown.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");

export interface RunOptions {
  sizes: BenchSize[];
  seed: number;
  questions: number;
  warmup: number;
  /** Indexes to run the whole engine on, each in its own process per size. */
  engineIndexes: IndexKind[];
  /** Also replay the engine's searches on both indexes side by side. */
  compareIndexes: boolean;
  /** Corpus the Telegram and Discord faces answer from, or null to skip the faces. */
  facesSize: BenchSize | null;
  cacheDir: string;
  /** Where the JSON results go (bench/results by default). */
  outDir: string;
  /** BENCHMARKS.md to rewrite with the latest numbers, or null to leave it alone. */
  markdownFile: string | null;
  /** The command line, as BENCHMARKS.md records it. */
  command: string;
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
}

export interface RunOutcome {
  report: BenchReport;
  jsonFile: string;
  table: string;
}

/** Runs every part for every size, each in a fresh process, and writes the results. */
export async function runBenchmarks(options: RunOptions): Promise<RunOutcome> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const scratch = await mkdtemp(join(tmpdir(), "newsquote-bench-run-"));
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    command: options.command,
    machine: describeMachine(),
    seed: options.seed,
    questionsPerSize: options.questions,
    warmup: options.warmup,
    engine: [],
    refresh: [],
    indexes: [],
    faces: [],
    listings: [],
  };
  await mkdir(options.outDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const jsonFile = join(options.outDir, `bench-${stamp}.json`);
  // Written after every part: a long run that fails late still leaves what it measured.
  const save = () => writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  try {
    for (const size of options.sizes) {
      for (const index of options.engineIndexes) {
        // The first start fills a fresh cache; the restart reads it, as a deployment would.
        const cacheFile = join(scratch, `cache-${size}-${index}.json`);
        for (const start of ["first", "restart"]) {
          log(`bench: ${size} articles — engine on ${index}, ${start} start`);
          const args = ["--part=engine", `--index=${index}`, `--start=${start}`];
          const result = await runPart(
            scratch,
            [...args, `--cache-file=${cacheFile}`],
            size,
            options,
          );
          report.engine.push(result as unknown as EnginePartResult);
          await save();
        }
      }
      const [firstIndex] = options.engineIndexes;
      log(`bench: ${size} articles — /sources, corpus list and autocomplete`);
      const listed = await runPart(
        scratch,
        [
          "--part=listings",
          ...(firstIndex
            ? [`--cache-file=${join(scratch, `cache-${size}-${firstIndex}.json`)}`]
            : []),
        ],
        size,
        options,
      );
      report.listings?.push(listed as unknown as ListingsPartResult);
      await save();
      if (options.engineIndexes.includes("bm25")) {
        // A refresh with the cache the bm25 starts left, as a running bot has it.
        log(`bench: ${size} articles — refresh in a worker, one article added and removed`);
        const cacheFile = join(scratch, `cache-${size}-bm25.json`);
        const result = await runPart(
          scratch,
          ["--part=refresh", `--cache-file=${cacheFile}`],
          size,
          options,
        );
        report.refresh = [...(report.refresh ?? []), result as unknown as RefreshPartResult];
        await save();
      }
      if (options.compareIndexes) {
        log(`bench: ${size} articles — lexical indexes side by side`);
        const result = await runPart(scratch, ["--part=indexes"], size, options);
        report.indexes.push(result as unknown as IndexPartResult);
        await save();
      }
    }
    if (options.facesSize !== null) {
      for (const face of ["telegram", "discord"] as const) {
        log(`bench: ${face} face on the ${options.facesSize} corpus`);
        const result = await runPart(scratch, [`--part=${face}`], options.facesSize, options);
        report.faces.push(result as unknown as FacePartResult);
        await save();
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await save();
  await writeFile(join(options.outDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  if (options.markdownFile) await writeBenchmarksMarkdown(options.markdownFile, report);
  return { report, jsonFile, table: renderReportText(report) };
}

let parts = 0;

async function runPart(
  scratch: string,
  partArgs: string[],
  size: BenchSize,
  options: RunOptions,
): Promise<Record<string, unknown>> {
  const out = join(scratch, `part-${++parts}.json`);
  const args = [
    "--expose-gc",
    "--max-old-space-size=6144",
    "--import",
    "tsx",
    join(REPO_ROOT, "bench/run-size.ts"),
    ...partArgs,
    `--size=${size}`,
    `--seed=${options.seed}`,
    `--cache-dir=${options.cacheDir}`,
    `--questions=${options.questions}`,
    `--warmup=${options.warmup}`,
    `--out=${out}`,
  ];
  const code = await new Promise<number | null>((resolveExit, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (exitCode) => resolveExit(exitCode));
  });
  if (code !== 0) {
    throw new Error(`benchmark part ${partArgs.join(" ")} for size ${size} exited with ${code}`);
  }
  return JSON.parse(await readFile(out, "utf8")) as Record<string, unknown>;
}
