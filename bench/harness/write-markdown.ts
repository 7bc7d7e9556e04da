import { readFile, writeFile } from "node:fs/promises";
import {
  type BenchReport,
  engineTable,
  facesTable,
  indexTable,
  listingsTable,
  refreshTable,
  renderMachine,
  renderMarkdown,
  targetLines,
} from "./report.ts";

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

const TEMPLATE = `# Benchmarks

How fast the bot answers, how much memory it needs and how it scales, measured by
\`npm run bench\` (see [docs/benchmarks.md](docs/benchmarks.md) for what each figure means
and how to rerun them). The section between the markers below is rewritten by every full
run; everything else in this file is written by hand.

${START}
${END}
`;

/** Replaces the generated section of BENCHMARKS.md (creating the file if needed). */
export async function writeBenchmarksMarkdown(path: string, report: BenchReport): Promise<void> {
  let current: string;
  try {
    current = await readFile(path, "utf8");
  } catch {
    current = TEMPLATE;
  }
  if (!current.includes(START) || !current.includes(END))
    current = `${current.trimEnd()}\n\n${START}\n${END}\n`;
  const section = [
    START,
    "## Latest run",
    "",
    renderMachine(report),
    "",
    "### Engine: cold start, memory and `ask` latency",
    "",
    renderMarkdown(engineTable(report.engine)),
    "",
    "### Refresh in a worker thread while questions are answered",
    "",
    renderMarkdown(refreshTable(report.refresh ?? [])),
    "",
    "### Lexical indexes side by side (the engine's own searches, replayed)",
    "",
    renderMarkdown(indexTable(report.indexes)),
    "",
    "### Faces (real grammY and discord.js against the loopback fakes)",
    "",
    renderMarkdown(facesTable(report.faces)),
    "",
    "### Listings: `/sources`, `corpus list` and autocomplete (the engine loaded)",
    "",
    renderMarkdown(listingsTable(report.listings ?? [])),
    "",
    "### Targets",
    "",
    ...targetLines(report.engine, report.faces, report.listings),
    END,
  ].join("\n");
  const before = current.slice(0, current.indexOf(START));
  const after = current.slice(current.indexOf(END) + END.length);
  await writeFile(path, `${before}${section}${after}`);
}
