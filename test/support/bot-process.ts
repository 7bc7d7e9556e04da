import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** `npm start` (bin/start.ts) running as a child process, as a supervisor would run it. */
export interface BotProcess {
  child: ChildProcess;
  stderr(): string;
  exited: Promise<number | null>;
  /** Kills it if it still runs and removes its DATA_DIR. */
  close(): Promise<void>;
}

/**
 * Starts bin/start.ts with `env` (platform tokens, API roots, settings) over the shipped
 * corpus and a fresh DATA_DIR, logging at info, with nothing else from this environment.
 */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "bot-process-"));
  const child = spawn(process.execPath, ["--import", "tsx", "bin/start.ts"], {
    env: {
      PATH: process.env.PATH,
      CORPUS_DIR: "corpus",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    stderr: () => stderr,
    exited,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Milliseconds from SIGTERM to exit, or null if it had not exited by `limitMs`. */
export async function timeToExit(bot: BotProcess, limitMs: number): Promise<number | null> {
  const sent = Date.now();
  bot.child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), limitMs);
  });
  const result = await Promise.race([bot.exited.then(() => Date.now() - sent), late]);
  clearTimeout(timer);
  return result;
}
