import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/fake-discord.ts";
import { ALICE } from "./discord-harness.ts";

const SHUTDOWN_TIMEOUT_SECONDS = 3;
const MARGIN_MS = 2_000;

let fake: FakeDiscord;
let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  dataDir = await mkdtemp(path.join(tmpdir(), "discord-shutdown-"));
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
});

it("npm start with Discord exits within SHUTDOWN_TIMEOUT_SECONDS when Discord stops answering mid-answer", async () => {
  child = spawn(process.execPath, ["--import", "tsx", "bin/start.ts"], {
    env: {
      PATH: process.env.PATH,
      DISCORD_BOT_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      CORPUS_DIR: "corpus",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child?.on("exit", (code) => resolve(code)),
  );
  await fake.waitFor(() => fake.readySessions > 0, "the bot process to log in", 60_000);
  // An answer in progress whose reply never gets through; then Discord is gone.
  fake.hangRequests(/^\/(interactions|webhooks)\//);
  const interaction = fake.command("ask", [{ name: "question", value: "What did Lavrov say?" }], {
    user: ALICE,
  });
  await fake.waitFor(() => fake.requestsFor(interaction).length > 0, "the answer to start", 30_000);
  await fake.close();
  const sent = Date.now();
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"still running">((resolve) => {
    timer = setTimeout(() => resolve("still running"), SHUTDOWN_TIMEOUT_SECONDS * 1000 + MARGIN_MS);
  });
  const outcome = await Promise.race([exited, late]);
  clearTimeout(timer);
  expect(outcome, stderr).not.toBe("still running");
  expect(Date.now() - sent).toBeLessThan(SHUTDOWN_TIMEOUT_SECONDS * 1000 + MARGIN_MS);
  expect(stderr).not.toContain(fake.token);
}, 90_000);
