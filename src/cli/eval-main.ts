import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadCorpus } from "../corpus/load-corpus.ts";
import { buildSnapshot } from "../engine/corpus-snapshot.ts";
import { createEngine } from "../engine/create-engine.ts";
import { MIN_COVERAGE, MIN_SPEAKER_COVERAGE } from "../engine/rank-passages.ts";
import { evaluateDevSet, formatDevReport, loadDevSet, plainBm25Baseline } from "../eval/dev-set.ts";
import { EvalSetSchema, evaluate, formatReport } from "../eval/evaluate.ts";
import { auditSpeakers, formatSpeakerAudit } from "../eval/speaker-audit.ts";
import { write } from "./cli-io.ts";
import { explainArgsError } from "./explain-args-error.ts";
import { setupEngine } from "./setup-engine.ts";

const USAGE = `Usage: npm run eval -- [questions.json] [--dev DIR] [--misses] [--curve] [--json]
  Scores the engine on the shipped article's question set (default test/fixtures/questions.json)
  and on the development set (default test/fixtures/dev-corpus): answered right and refused per
  kind, verbatim rate, and speaker attribution against its speakers.jsonl.
  --dev DIR  the development set's folder
  --misses   list every wrong answer and every speaker error
  --curve    answered right and refused by each coverage threshold, the others as set
  --json     also print the dev set's results as one JSON object
  -h, --help this text`;

const OPTIONS = {
  dev: { type: "string", default: "test/fixtures/dev-corpus" },
  misses: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  curve: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
try {
  parsed = parseArgs({ options: OPTIONS, allowPositionals: true });
  if (parsed.positionals.length > 1) {
    throw new Error(`Give one questions file; "${parsed.positionals[1]}" is one too many.`);
  }
} catch (error) {
  await write(process.stderr, `${explainArgsError(error)}\n\n${USAGE}\n`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  await write(process.stdout, `${USAGE}\n`);
  process.exit(0);
}

const file = positionals[0] ?? "test/fixtures/questions.json";
const set = EvalSetSchema.parse(JSON.parse(await readFile(file, "utf8")));
const { engine, config, stores } = await setupEngine(process.env);
await stores.close();
const { articles } = await loadCorpus(config.CORPUS_DIR);
const own = await evaluate(engine, articles, set);
await write(process.stdout, `## ${file} (the shipped corpus)\n${formatReport(own)}\n\n`);

const dev = await loadDevSet(values.dev);
const devEngine = createEngine({ articles: dev.articles });
const report = await evaluateDevSet(devEngine, dev);
const audit = auditSpeakers(devEngine.statements(), dev.speakers);
const baseline = plainBm25Baseline(buildSnapshot(dev.articles), dev.questions);
await write(
  process.stdout,
  `## ${values.dev} (${dev.articles.length} articles, ${dev.questions.length} questions)\n` +
    `${formatDevReport(report, { misses: values.misses })}\n` +
    `plain BM25 over sentences, top 3, never refusing: ${(baseline * 100).toFixed(1)}% answered right\n\n` +
    `${formatSpeakerAudit(audit, values.misses)}\n`,
);
if (values.curve) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const sweep = async (
    title: string,
    options: (t: number) => { minCoverage?: number; minSpeakerCoverage?: number },
    chosen: number,
  ) => {
    const rows = [
      `\n${title}`,
      "| threshold | answerable right | answerable refused | unanswerable refused |",
      "| --- | --- | --- | --- |",
    ];
    for (let t = 0.25; t <= 0.751; t += 0.05) {
      const engine = createEngine({ articles: dev.articles, ...options(t) });
      const at = await evaluateDevSet(engine, dev);
      const mark = Math.abs(t - chosen) < 0.001 ? " (chosen)" : "";
      rows.push(
        `| ${t.toFixed(2)}${mark} | ${pct(at.answeredRight)} | ${pct(at.wronglyRefused)} | ${pct(at.refusedRight)} |`,
      );
    }
    await write(process.stdout, `${rows.join("\n")}\n`);
  };
  await sweep("MIN_COVERAGE (a topic)", (t) => ({ minCoverage: t }), MIN_COVERAGE);
  await sweep(
    "MIN_SPEAKER_COVERAGE (a named speaker's statements)",
    (t) => ({ minSpeakerCoverage: t }),
    MIN_SPEAKER_COVERAGE,
  );
}
if (values.json) {
  const results = report.results.map((r) => ({
    id: r.question.id,
    kind: r.question.kind,
    right: r.right,
    status: r.answer.status,
  }));
  await write(process.stdout, `${JSON.stringify({ kinds: report.kinds, results, audit })}\n`);
}
