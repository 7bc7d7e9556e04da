/**
 * `node --import tsx bench/startup.ts [--runs N]`: where the start-up of `npm run ask` goes,
 * and what a compiled build (tsc to JavaScript, no tsx at run time) would save. Prints a
 * table of wall times per command (median and fastest of N runs, interleaved so load from
 * other work hits every command alike) and the import cost of the heavier packages.
 *
 * `--baseline <git ref>` also times `npm run ask` from that commit (a `git archive` of it
 * beside this one, same node_modules), to measure a change to start-up.
 *
 * The compiled tree is made in a temporary folder the way a `dist/` build would have to be:
 * tsc with rewriteRelativeImportExtensions, plus the word lists the code reads beside its
 * modules and the analysis sources the corpus cache fingerprints. Nothing in the
 * repository changes; each variant gets its own DATA_DIR, warmed once before timing.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { describeMachine } from "./harness/machine.ts";
import { REPO_ROOT } from "./harness/run-benchmarks.ts";

const QUESTION = "What did Ushakov say?";
/** Packages the CLI's module graph loads, each imported alone in a fresh process. */
const PACKAGES = [
  "wink-nlp",
  "wink-eng-lite-web-model",
  "zod",
  "pino",
  "yaml",
  "lowdb",
  "minisearch",
  "openai",
  "@langchain/core/prompts",
];

const { values } = parseArgs({
  options: { runs: { type: "string", default: "10" }, baseline: { type: "string" } },
});
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs must be a whole number above 0, got "${values.runs}"`);
  process.exit(2);
}

function wallMs(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Compiles src/, adapters/ and bin/ into `out`, laid out as the repository is. */
function compile(out: string): number {
  const config = join(out, "tsconfig.build.json");
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(REPO_ROOT, "tsconfig.json"),
      compilerOptions: {
        noEmit: false,
        outDir: out,
        rootDir: REPO_ROOT,
        rewriteRelativeImportExtensions: true,
        // The config lives outside the repository: find the types where it is.
        typeRoots: [join(REPO_ROOT, "node_modules/@types")],
      },
      include: ["src", "adapters", "bin"].map((dir) => join(REPO_ROOT, dir)),
    }),
  );
  const start = process.hrtime.bigint();
  const tsc = spawnSync(join(REPO_ROOT, "node_modules/.bin/tsc"), ["-p", config], {
    encoding: "utf8",
  });
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // What the modules read beside themselves at run time, and what the cache fingerprints.
  for (const entry of readdirSync(join(REPO_ROOT, "src"), { recursive: true, encoding: "utf8" })) {
    const keep = /\.(txt|mjs)$/.test(entry) || /^(text|speakers)\/.*\.ts$/.test(entry);
    if (keep || entry === "engine/article-analysis.ts") {
      mkdirSync(dirname(join(out, "src", entry)), { recursive: true });
      cpSync(join(REPO_ROOT, "src", entry), join(out, "src", entry));
    }
  }
  cpSync(join(REPO_ROOT, "package.json"), join(out, "package.json"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(out, "node_modules"));
  return ms;
}

const work = mkdtempSync(join(tmpdir(), "startup-bench-"));
try {
  const compiled = join(work, "compiled");
  mkdirSync(compiled);
  const compileMs = compile(compiled);
  const empty = join(work, "empty.ts");
  writeFileSync(empty, "export {};\n");
  const envFor = (name: string): NodeJS.ProcessEnv => {
    const dataDir = join(work, `data-${name}`);
    mkdirSync(dataDir, { recursive: true });
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CORPUS_DIR: join(REPO_ROOT, "corpus"),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    };
  };
  const node = process.execPath;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const commands: Array<{ label: string; run: () => number }> = [
    {
      label: "node -e 0 (Node itself)",
      run: () => wallMs(node, ["-e", "0"], REPO_ROOT, envFor("none")),
    },
    {
      label: "node --import tsx empty.ts (the tsx loader)",
      run: () => wallMs(node, ["--import", "tsx", empty], REPO_ROOT, envFor("none")),
    },
    {
      label: "npm run -s env (npm itself)",
      run: () => wallMs(npm, ["run", "-s", "env"], REPO_ROOT, envFor("none")),
    },
    {
      label: "node --import tsx src/cli/ask-main.ts",
      run: () =>
        wallMs(
          node,
          ["--import", "tsx", "src/cli/ask-main.ts", QUESTION],
          REPO_ROOT,
          envFor("tsx"),
        ),
    },
    {
      label: "node <compiled>/src/cli/ask-main.js",
      run: () =>
        wallMs(node, [join(compiled, "src/cli/ask-main.js"), QUESTION], REPO_ROOT, envFor("js")),
    },
    {
      label: "npm run ask (as today: tsx)",
      run: () => wallMs(npm, ["run", "-s", "ask", "--", QUESTION], REPO_ROOT, envFor("npm")),
    },
  ];
  if (values.baseline !== undefined) {
    const ref = values.baseline;
    const base = join(work, "baseline");
    mkdirSync(base);
    const archive = spawnSync("git", ["archive", ref], { cwd: REPO_ROOT, maxBuffer: 1 << 30 });
    if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${archive.stderr}`);
    const untar = spawnSync("tar", ["-x", "-C", base], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
    symlinkSync(join(REPO_ROOT, "node_modules"), join(base, "node_modules"));
    commands.push(
      {
        label: `node --import tsx src/cli/ask-main.ts at ${ref}`,
        run: () =>
          wallMs(
            node,
            ["--import", "tsx", "src/cli/ask-main.ts", QUESTION],
            base,
            envFor("base-tsx"),
          ),
      },
      {
        label: `npm run ask at ${ref}`,
        run: () => wallMs(npm, ["run", "-s", "ask", "--", QUESTION], base, envFor("base-npm")),
      },
    );
  }
  for (const command of commands) command.run(); // warm: caches, the tsx transform cache
  const samples = commands.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [c, command] of commands.entries()) samples[c]!.push(command.run());
  }

  const packageMs = PACKAGES.map((name) => {
    const script = `const t = performance.now(); await import(${JSON.stringify(name)}); console.log(performance.now() - t);`;
    const runs = Array.from({ length: Math.min(RUNS, 5) }, () => {
      const out = spawnSync(node, ["--input-type=module", "-e", script], {
        cwd: REPO_ROOT,
        encoding: "utf8",
      });
      return Number(out.stdout.trim());
    });
    return { name, ms: median(runs) };
  });

  const machine = describeMachine();
  console.log(
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}`,
  );
  console.log(`Compiling src/, adapters/, bin/ with tsc: ${(compileMs / 1000).toFixed(1)} s\n`);
  console.log(`| command (${RUNS} runs each, interleaved) | median ms | fastest ms |`);
  console.log("| --- | --- | --- |");
  commands.forEach((command, c) => {
    const s = samples[c]!;
    console.log(`| ${command.label} | ${median(s).toFixed(0)} | ${Math.min(...s).toFixed(0)} |`);
  });
  console.log("\n| package, imported alone | median ms |\n| --- | --- |");
  for (const p of packageMs) console.log(`| ${p.name} | ${p.ms.toFixed(0)} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
