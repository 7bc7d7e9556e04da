import type { MachineInfo } from "./machine.ts";
import type { IndexPartResult } from "./measure-size.ts";

export interface BenchReport {
  startedAt: string;
  command: string;
  machine: MachineInfo;
  seed: number;
  questionsPerSize: number;
  warmup: number;
  indexes: IndexPartResult[];
}

type Table = { header: string[]; rows: string[][] };

const ms = (x: number): string =>
  !Number.isFinite(x) ? "-" : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0);
const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "-");
const mib = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : "-");

function sizeLabel(size: IndexPartResult["size"]): string {
  return size === "shipped" ? "shipped" : `${size.toLocaleString("en-US")} synthetic`;
}

export function indexTable(results: readonly IndexPartResult[]): Table {
  const rows: string[][] = [];
  for (const r of results) {
    for (const index of r.comparison.indexes) {
      rows.push([
        sizeLabel(r.size),
        String(r.paragraphs),
        String(r.comparison.passages),
        index.name,
        ms(index.buildMs),
        mib(index.retainedMiB),
        ms(index.search.p50),
        ms(index.search.p95),
        ms(index.search.p99),
        index === r.comparison.indexes[0] ? "" : agreementCell(r),
      ]);
    }
  }
  return {
    header: [
      "corpus",
      "paragraphs",
      "passages",
      "index",
      "build ms",
      "index MiB",
      "search p50 ms",
      "p95 ms",
      "p99 ms",
      "top-10 agreement",
    ],
    rows,
  };
}

function agreementCell(r: IndexPartResult): string {
  const a = r.comparison.agreement;
  if (!a) return "-";
  return `${pct(a.topKOverlapWithTies)} (top-1 ${pct(a.top1Same)})`;
}

/** A fixed-width table for the terminal. */
export function renderText(table: Table): string {
  const widths = table.header.map((h, i) =>
    Math.max(h.length, ...table.rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(table.header), line(widths.map((w) => "-".repeat(w))), ...table.rows.map(line)].join(
    "\n",
  );
}

export function renderMarkdown(table: Table): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(table.header), line(table.header.map(() => "---")), ...table.rows.map(line)].join(
    "\n",
  );
}

export function renderMachine(report: BenchReport): string {
  const m = report.machine;
  const loads = report.indexes.flatMap((r) => [...r.loadavg.before, ...r.loadavg.after]);
  const maxLoad = loads.length > 0 ? Math.max(...loads).toFixed(2) : "-";
  return [
    `- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.platform}`,
    `- Node: ${m.node}`,
    `- Run: ${report.startedAt}, seed ${report.seed}, ${report.questionsPerSize} questions per size after ${report.warmup} warm-up calls`,
    `- Highest 1-minute load average seen during the run: ${maxLoad} (other work on the machine inflates tail latencies)`,
    `- Command: \`${report.command}\``,
  ].join("\n");
}
