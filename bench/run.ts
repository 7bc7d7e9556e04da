/**
 * `npm run bench`: speed, memory and scale of the engine on the shipped corpus and on
 * synthetic corpora. Prints a table, writes JSON to bench/results/ and rewrites the
 * generated part of BENCHMARKS.md. Run `npm run bench -- --help` for the flags.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { explainArgsError } from "../src/cli/explain-args-error.ts";
import { DEFAULT_SEED } from "./corpus/generate-corpus.ts";
import { defaultCacheDir, parseSize } from "./harness/bench-corpus.ts";
import { type IndexKind, parseIndexKind } from "./harness/index-kinds.ts";
import { REPO_ROOT, runBenchmarks } from "./harness/run-benchmarks.ts";

const HELP = `Usage: npm run bench -- [options]

  --sizes LIST      corpus sizes, comma-separated: "shipped" and/or numbers of synthetic
                    articles (default: shipped,1000,10000)
  --questions N     questions asked per size after the warm-up (default 2000)
  --warmup N        untimed calls before timing (default 300)
  --seed N          seed of the synthetic corpus and questions (default ${DEFAULT_SEED})
  --indexes LIST    indexes to run the whole engine on (default: minisearch,bm25)
  --no-compare      skip replaying the engine's searches on both indexes side by side
  --faces-size S    corpus the Telegram and Discord faces answer from (default: shipped)
  --no-faces        skip the Telegram and Discord measurements
  --quick           a tiny run for smoke tests: shipped,20 with 60 questions; leaves
                    BENCHMARKS.md alone
  --out-dir DIR     where the JSON goes (default bench/results)
  --no-markdown     do not rewrite BENCHMARKS.md
  --cache-dir DIR   where generated corpora are kept between runs (default: system temp)
  -h, --help        this text`;

const OPTIONS = {
  sizes: { type: "string" },
  questions: { type: "string" },
  warmup: { type: "string" },
  seed: { type: "string" },
  indexes: { type: "string" },
  "no-compare": { type: "boolean", default: false },
  "faces-size": { type: "string" },
  "no-faces": { type: "boolean", default: false },
  quick: { type: "boolean", default: false },
  "out-dir": { type: "string" },
  "no-markdown": { type: "boolean", default: false },
  "cache-dir": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>;
try {
  parsed = parseArgs({ options: OPTIONS });
} catch (error) {
  console.error(`${explainArgsError(error)}\n\n${HELP}`);
  process.exit(2);
}
const { values } = parsed;

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${text}"`);
    process.exit(2);
  }
  return n;
}

const quick = values.quick;
let sizes: ReturnType<typeof parseSize>[];
try {
  sizes = (values.sizes ?? (quick ? "shipped,20" : "shipped,1000,10000")).split(",").map(parseSize);
} catch (error) {
  console.error(`--sizes: ${(error as Error).message}`);
  process.exit(2);
}

let engineIndexes: IndexKind[];
try {
  engineIndexes = (values.indexes ?? "minisearch,bm25")
    .split(",")
    .filter(Boolean)
    .map(parseIndexKind);
} catch (error) {
  console.error(`--indexes: ${(error as Error).message}`);
  process.exit(2);
}

const outcome = await runBenchmarks({
  sizes,
  engineIndexes,
  compareIndexes: !values["no-compare"],
  facesSize: values["no-faces"] ? null : parseSize(values["faces-size"] ?? "shipped"),
  seed: positive("seed", values.seed, DEFAULT_SEED),
  questions: positive("questions", values.questions, quick ? 60 : 2000),
  warmup: positive("warmup", values.warmup, quick ? 10 : 300),
  cacheDir: values["cache-dir"] ?? defaultCacheDir(),
  outDir: values["out-dir"] ?? join(REPO_ROOT, "bench/results"),
  markdownFile: quick || values["no-markdown"] ? null : join(REPO_ROOT, "BENCHMARKS.md"),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
});
console.log(outcome.table);
console.log(`\nJSON: ${outcome.jsonFile}`);
