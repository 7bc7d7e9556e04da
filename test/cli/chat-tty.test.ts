import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../support/seed-engine.ts";

/**
 * `npm start` with no token in a real terminal: `script` gives the bot a pseudo-terminal
 * as stdin (a pipe, as the other chat tests use, ends by itself and hid that "exit" left
 * the process waiting for Ctrl-D).
 */
it("npm start's terminal chat exits on 'exit' typed at a real terminal", async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "chat-tty-"));
  const child = spawn(
    "script",
    ["-qefc", `${process.execPath} --import tsx bin/start.ts`, "/dev/null"],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, CORPUS_DIR: "corpus", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout.on("data", (c) => {
    out += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    // The prompt shows once the engine is ready.
    for (let i = 0; i < 600 && !out.includes("> "); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain("> ");
    child.stdin.write("help\r");
    for (let i = 0; i < 100 && !out.includes("Commands:"); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain("Commands: help (this), sources [page] (the articles), exit.");
    child.stdin.write("exit\r");
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"still running">((resolve) => {
      timer = setTimeout(() => resolve("still running"), 15_000);
    });
    const outcome = await Promise.race([exited, late]);
    clearTimeout(timer);
    expect(outcome, out).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  }
}, 90_000);
