import { readFile } from "node:fs/promises";
import { loadCorpus } from "../corpus/load-corpus.ts";
import { EvalSetSchema, evaluate, formatReport } from "../eval/evaluate.ts";
import { write } from "./cli-io.ts";
import { setupEngine } from "./setup-engine.ts";

/** `npm run eval [file]`: scores the engine on a question set (default test/fixtures/questions.json). */
const file = process.argv[2] ?? "test/fixtures/questions.json";
const set = EvalSetSchema.parse(JSON.parse(await readFile(file, "utf8")));
const { engine, config } = await setupEngine(process.env);
const { articles } = await loadCorpus(config.CORPUS_DIR);
const report = await evaluate(engine, articles, set);
await write(process.stdout, `${formatReport(report)}\n`);
if (process.argv.includes("--json"))
  await write(
    process.stdout,
    `${JSON.stringify(report.results.map((r) => ({ q: r.question.question, hit1: r.hit1 })))}\n`,
  );
