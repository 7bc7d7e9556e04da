import { execFile, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatLogLine } from "../../src/log/format-log-line.ts";
import { createLogger } from "../../src/log/logger.ts";
import { CORPUS_DIR, ROOT } from "../support/seed-engine.ts";

describe("formatLogLine", () => {
  it("writes a corpus problem as a sentence: level, what, the file, why", () => {
    const json = JSON.stringify({
      level: 40,
      time: 1,
      path: "corpus/x.md",
      problem: "front matter is not valid YAML (line 6: missing closing quote)",
      msg: "skipped corpus file",
    });
    expect(formatLogLine(json)).toBe(
      "warning: skipped corpus file corpus/x.md: front matter is not valid YAML (line 6: missing closing quote)",
    );
  });

  it("adds an error's message and the other fields in brackets", () => {
    const json = JSON.stringify({
      level: 50,
      time: 1,
      err: { type: "Error", message: "socket hang up", stack: "Error: …" },
      command: "refresh",
      msg: "corpus command failed",
    });
    expect(formatLogLine(json)).toBe(
      "error: corpus command failed: socket hang up (command: refresh)",
    );
  });
});

describe("createLogger's format", () => {
  const logTo = (format: "auto" | "json" | "pretty") => {
    const file = join(dir, `${format}.log`);
    const fd = openSync(file, "w");
    const logger = createLogger("info", fd, format);
    logger.warn(
      { path: "corpus/x.md", problem: "no paragraphs", token: "SECRET" },
      "skipped corpus file",
    );
    closeSync(fd);
    return readFileSync(file, "utf8");
  };
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "log-format-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is JSON for a file by default (auto), readable when asked, redacted either way", () => {
    expect(JSON.parse(logTo("auto"))).toMatchObject({ level: 40, path: "corpus/x.md" });
    expect(JSON.parse(logTo("json"))).toMatchObject({ token: "[redacted]" });
    expect(logTo("pretty")).toBe(
      "warning: skipped corpus file corpus/x.md: no paragraphs (token: [redacted])\n",
    );
  });
});

describe("a corpus problem, as a person at a terminal sees it", () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await mkdtemp(join(tmpdir(), "log-tty-"));
    const name = "kursk-negotiation-landscape.md";
    await copyFile(join(CORPUS_DIR, name), join(corpus, name));
    await writeFile(join(corpus, "x.md"), '---\nid: x\ntitle: "Talks stall\n---\nText.\n');
  });
  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
  });
  const env = () => ({
    PATH: process.env.PATH,
    CORPUS_DIR: corpus,
    DATA_DIR: join(corpus, "data"),
  });
  const problem = () =>
    `${join(corpus, "x.md")}: front matter is not valid YAML (line 3: missing closing quote)`;

  it("reads a line, not JSON, when stderr is a terminal", async () => {
    // `script` gives the CLI a pseudo-terminal, as a person's shell would.
    const child = spawn(
      "script",
      ["-qefc", `${process.execPath} --import tsx src/cli/corpus-main.ts list`, "/dev/null"],
      { cwd: ROOT, env: env(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code, out).toBe(0);
    expect(out).toContain(`warning: skipped corpus file ${problem()}`);
    expect(out).not.toContain('{"level"');
  }, 60_000);

  it("stays JSON in a pipe, and LOG_FORMAT=pretty makes it readable there", async () => {
    const run = promisify(execFile);
    const args = ["--import", "tsx", "src/cli/corpus-main.ts", "list"];
    const piped = await run(process.execPath, args, { cwd: ROOT, env: env() });
    const line = JSON.parse(piped.stderr.trim().split("\n")[0]!);
    expect(line).toMatchObject({
      level: 40,
      msg: "skipped corpus file",
      path: join(corpus, "x.md"),
    });
    const pretty = await run(process.execPath, args, {
      cwd: ROOT,
      env: { ...env(), LOG_FORMAT: "pretty" },
    });
    expect(pretty.stderr).toBe(`warning: skipped corpus file ${problem()}\n`);
  }, 60_000);
});
