import { QUESTION_KINDS } from "../corpus/generate-questions.ts";
import type { MachineInfo } from "./machine.ts";
import type { DiscordPartResult } from "./measure-discord.ts";
import type { EnginePartResult } from "./measure-engine.ts";
import type { IndexPartResult } from "./measure-index-part.ts";
import type { ListingsPartResult } from "./measure-listings.ts";
import type { RefreshPartResult } from "./measure-refresh.ts";
import type { TelegramPartResult } from "./measure-telegram.ts";

export type FacePartResult = TelegramPartResult | DiscordPartResult;

export interface BenchReport {
  startedAt: string;
  command: string;
  machine: MachineInfo;
  seed: number;
  questionsPerSize: number;
  warmup: number;
  engine: EnginePartResult[];
  /** Absent in reports written before refreshes were measured. */
  refresh?: RefreshPartResult[];
  indexes: IndexPartResult[];
  faces: FacePartResult[];
  /** /sources, corpus list and autocomplete per size (absent in reports before them). */
  listings?: ListingsPartResult[];
}

export interface Table {
  header: string[];
  rows: string[][];
}

const ms = (x: number): string =>
  !Number.isFinite(x) ? "-" : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0);
const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "-");
// A retained size a little under zero is measurement noise (the GC freed something else).
const mib = (x: number): string => (Number.isFinite(x) ? Math.max(0, x).toFixed(0) : "-");
const seconds = (x: number): string => (x / 1000).toFixed(2);

function sizeLabel(size: EnginePartResult["size"]): string {
  return size === "shipped" ? "shipped" : `${size.toLocaleString("en-US")} synthetic`;
}

export function engineTable(results: readonly EnginePartResult[]): Table {
  return {
    header: [
      "corpus",
      "paragraphs",
      "passages",
      "index",
      "start",
      "cold start s",
      "(cache + load + build + save)",
      "RSS MiB",
      "peak RSS MiB",
      "ask p50 ms",
      "p95 ms",
      "p99 ms",
      "CPU ms/ask",
      "p99 ms by kind: speaker / role / spelling / typo / topic / unanswerable",
      "answered: speaker / role / spelling / typo / topic / unanswerable",
    ],
    rows: results.map((r) => [
      sizeLabel(r.size),
      String(r.paragraphs),
      String(r.passages),
      r.index,
      r.start,
      seconds(r.coldStartMs),
      [r.openCacheMs, r.loadCorpusMs, r.buildEngineMs, r.saveCacheMs].map(seconds).join(" + "),
      mib(r.memory.rss),
      mib(r.peakRssMiB ?? Number.NaN),
      ms(r.ask.p50),
      ms(r.ask.p95),
      ms(r.ask.p99),
      ms(r.askCpuMean),
      QUESTION_KINDS.map((k) => ms(r.askByKind?.[k]?.p99 ?? Number.NaN)).join(" / "),
      QUESTION_KINDS.map((k) => r.outcomes[k])
        .map((o) => (o ? pct(o.answered / Math.max(1, o.answered + o.not_found)) : "-"))
        .join(" / "),
    ]),
  };
}

export function refreshTable(results: readonly RefreshPartResult[]): Table {
  return {
    header: [
      "corpus",
      "paragraphs",
      "full refresh s",
      "loop delay p50 / p99 / max ms",
      "asked during it",
      "their p99 ms",
      "add one: answerable s",
      "its loop delay p99 ms",
      "full build in s",
      "its loop delay p99 ms",
      "remove one s",
      "peak RSS MiB",
    ],
    rows: results.map((r) => [
      sizeLabel(r.size),
      String(r.paragraphs),
      seconds(r.refreshMs),
      [r.loopDelay.p50, r.loopDelay.p99, r.loopDelay.max].map(ms).join(" / "),
      String(r.askedDuring.count),
      ms(r.askedDuring.p99),
      seconds(r.addOneMs),
      ms(r.addOneLoopDelay.p99),
      seconds(r.addOneMergedMs),
      ms(r.mergeLoopDelay.p99),
      seconds(r.removeOneMs),
      mib(r.peakRssMiB),
    ]),
  };
}

export function indexTable(results: readonly IndexPartResult[]): Table {
  const rows: string[][] = [];
  for (const r of results) {
    r.comparison.indexes.forEach((index, i) => {
      rows.push([
        sizeLabel(r.size),
        String(r.comparison.passages),
        String(r.searches),
        index.name,
        ms(index.buildMs),
        mib(index.retainedMiB),
        ms(index.search.p50),
        ms(index.search.p95),
        ms(index.search.p99),
        ms(index.searchCpuMean),
        i === 0 ? "" : agreementCell(r),
      ]);
    });
  }
  return {
    header: [
      "corpus",
      "passages",
      "searches",
      "index",
      "build ms",
      "index MiB",
      "search p50 ms",
      "p95 ms",
      "p99 ms",
      "CPU ms/search",
      "top-10 agreement (top-1)",
    ],
    rows,
  };
}

function agreementCell(r: IndexPartResult): string {
  const a = r.comparison.agreement;
  if (!a) return "-";
  return `${pct(a.topKOverlapWithTies)} (${pct(a.top1Same)})`;
}

export function facesTable(results: readonly FacePartResult[]): Table {
  const rows = results.map((r) =>
    r.part === "telegram"
      ? [
          "Telegram",
          sizeLabel(r.size),
          `${r.updatesPerSecond.toFixed(0)} updates/s (burst of ${r.updates})`,
          `update → reply p50 ${ms(r.replyLatency.p50)} ms, p99 ${ms(r.replyLatency.p99)} ms`,
        ]
      : [
          "Discord",
          sizeLabel(r.size),
          `deferral p50 ${ms(r.deferral.p50)} ms, p99 ${ms(r.deferral.p99)} ms (${r.deferral.count} one at a time)`,
          `burst of ${r.burst}: deferral p50 ${ms(r.burstDeferral.p50)} ms, p99 ${ms(r.burstDeferral.p99)} ms${r.burstAnswer ? `, last answer edited in ${ms(r.burstAnswer.max)} ms` : ""}; one at a time, answer edited in p50 ${ms(r.answer.p50)} ms`,
        ],
  );
  return { header: ["face", "corpus", "measure", "detail"], rows };
}

export function listingsTable(results: readonly ListingsPartResult[]): Table {
  const cell = (s: ListingsPartResult["autocomplete"]) => `${ms(s.p50)} / ${ms(s.p99)}`;
  return {
    header: [
      "corpus",
      "articles",
      "speakers",
      "lists built ms",
      "Telegram /sources p50 / p99 ms",
      "Discord /sources p50 / p99 ms",
      "corpus list page p50 / p99 ms",
      "autocomplete p50 / p99 ms",
      "(before: scan) p50 / p99 ms",
    ],
    rows: results.map((r) => [
      sizeLabel(r.size),
      String(r.articles),
      String(r.speakers),
      ms(r.buildMs),
      cell(r.telegramSources),
      cell(r.discordSources),
      cell(r.corpusList),
      cell(r.autocomplete),
      cell(r.autocompleteUnlisted),
    ]),
  };
}

/** The issue's targets, checked against this run's figures. */
export function targetLines(
  results: readonly EnginePartResult[],
  faces: readonly FacePartResult[] = [],
  listings: readonly ListingsPartResult[] = [],
): string[] {
  const lines: string[] = [];
  const check = (ok: boolean, text: string) => lines.push(`- ${ok ? "✅" : "❌"} ${text}`);
  for (const r of listings) {
    if (r.articles < 10_000) continue;
    const at = `at ${r.articles.toLocaleString("en-US")} articles`;
    const sources = Math.max(r.telegramSources.p99, r.discordSources.p99);
    check(sources <= 50, `/sources first page ≤ 50 ms ${at}: p99 ${ms(sources)} ms`);
    check(
      r.corpusList.p99 <= 50,
      `corpus list first page ≤ 50 ms ${at}: p99 ${ms(r.corpusList.p99)} ms`,
    );
    check(r.autocomplete.p99 <= 10, `autocomplete ≤ 10 ms ${at}: p99 ${ms(r.autocomplete.p99)} ms`);
  }
  for (const r of faces) {
    if (r.part === "telegram") {
      check(
        r.updatesPerSecond >= 500,
        `≥ 500 updates/s through the Telegram face: ${r.updatesPerSecond.toFixed(0)}/s`,
      );
    } else {
      check(
        Math.max(r.deferral.p99, r.burstDeferral.p99) <= 300,
        `Discord deferral ≤ 300 ms: p99 ${ms(r.deferral.p99)} ms one at a time, ${ms(r.burstDeferral.p99)} ms in a burst of ${r.burst}`,
      );
    }
  }
  for (const r of results) {
    const label = `${sizeLabel(r.size)}, ${r.index}`;
    if (r.size === "shipped") {
      check(r.ask.p99 <= 1, `ask p99 ≤ 1 ms on the shipped corpus (${label}): ${ms(r.ask.p99)} ms`);
    }
    if (r.size === 1000) {
      check(
        r.coldStartMs <= 1000,
        `cold start ≤ 1 s at 1,000 articles (${label}, ${r.start} start): ${seconds(r.coldStartMs)} s`,
      );
    }
    if (r.paragraphs >= 90_000) {
      check(
        r.ask.p99 <= 5,
        `ask p99 ≤ 5 ms at ${r.paragraphs.toLocaleString("en-US")} paragraphs (${label}): ${ms(r.ask.p99)} ms`,
      );
      check(
        r.memory.rss <= 400,
        `RSS ≤ 400 MB at ${r.paragraphs.toLocaleString("en-US")} paragraphs (${label}): ${mib(r.memory.rss)} MiB`,
      );
    }
  }
  return lines;
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
  const loads = [
    ...report.engine,
    ...report.indexes,
    ...report.faces,
    ...(report.listings ?? []),
  ].flatMap((r) => [r.load.before, r.load.after]);
  const maxLoad = loads.length > 0 ? Math.max(...loads).toFixed(2) : "-";
  return [
    `- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.platform}`,
    `- Node: ${m.node}`,
    `- Run: ${report.startedAt}, seed ${report.seed}, ${report.questionsPerSize} questions per size after ${report.warmup} warm-up calls, each part in a fresh process (node --expose-gc)`,
    `- Highest 1-minute load average seen during the run: ${maxLoad} (other work on the machine inflates tail latencies)`,
    `- Command: \`${report.command}\``,
  ].join("\n");
}

/** Everything the terminal shows after a run. */
export function renderReportText(report: BenchReport): string {
  const parts: string[] = [];
  if (report.engine.length > 0) {
    parts.push(
      "Engine: cold start, memory and ask() latency",
      renderText(engineTable(report.engine)),
    );
  }
  if ((report.refresh ?? []).length > 0) {
    parts.push(
      "Refresh in a worker thread while questions are answered",
      renderText(refreshTable(report.refresh ?? [])),
    );
  }
  if (report.indexes.length > 0) {
    parts.push(
      "Lexical indexes side by side (the engine's own searches, replayed)",
      renderText(indexTable(report.indexes)),
    );
  }
  if (report.faces.length > 0) {
    parts.push(
      "Faces (real grammY / discord.js against the loopback fakes)",
      renderText(facesTable(report.faces)),
    );
  }
  if ((report.listings ?? []).length > 0) {
    parts.push(
      "Listings: /sources, corpus list and autocomplete (the engine loaded)",
      renderText(listingsTable(report.listings ?? [])),
    );
  }
  const targets = targetLines(report.engine, report.faces, report.listings);
  if (targets.length > 0) parts.push("Targets", targets.join("\n"));
  return parts.join("\n\n");
}
