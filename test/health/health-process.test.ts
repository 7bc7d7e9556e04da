import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegramApi } from "../fakes/fake-telegram-api.ts";
import { startBotProcess, timeToExit } from "../support/bot-process.ts";
import { httpRequest } from "./http-get.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Where the "health check listening" log line says it listens, once it has been written. */
async function healthAddress(
  stderr: () => string,
  timeoutMs = 60_000,
): Promise<{ host: string; port: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = stderr()
      .split("\n")
      .find((l) => l.includes("health check listening"));
    if (line !== undefined) return JSON.parse(line) as { host: string; port: number };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no health check started; stderr:\n${stderr()}`);
}

const shippedArticles = async () =>
  (await readdir("corpus")).filter((name) => name.endsWith(".md")).length;

describe("npm start with HEALTH_PORT", () => {
  it("serves /healthz beside Telegram long polling, and stops it at SIGTERM", async () => {
    const fake = await startFakeTelegramApi();
    cleanups.push(() => fake.close());
    const bot = await startBotProcess({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      HEALTH_PORT: "0",
    });
    cleanups.push(() => bot.close());
    const { host, port } = await healthAddress(bot.stderr);
    // Loopback unless HEALTH_HOST says otherwise: the report is not for the world.
    expect(host).toBe("127.0.0.1");
    await fake.waitFor((r) => r.method === "getUpdates", { timeoutMs: 60_000, what: "polling" });

    const reply = await httpRequest(port, "/healthz");
    expect(reply.status).toBe(200);
    const report = JSON.parse(reply.body) as {
      corpus: { articles: number; builtAt: string };
      faces: Record<string, string>;
    };
    expect(report.faces).toEqual({ telegram: "polling" });
    expect(report.corpus.articles).toBe(await shippedArticles());
    expect(Date.parse(report.corpus.builtAt)).not.toBeNaN();

    expect(await timeToExit(bot, 15_000)).not.toBeNull();
    expect(await bot.exited).toBe(0);
    await expect(httpRequest(port, "/healthz")).rejects.toThrow(/ECONNREFUSED/);
  }, 90_000);

  it("serves /healthz beside the chat on stdin when no platform is configured", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "health-chat-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, ["--import", "tsx", "bin/start.ts"], {
      env: {
        PATH: process.env.PATH,
        CORPUS_DIR: "corpus",
        DATA_DIR: dataDir,
        LOG_LEVEL: "info",
        HEALTH_PORT: "0",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const { port } = await healthAddress(() => stderr);

    const reply = await httpRequest(port, "/healthz");
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      status: "serving",
      corpus: { articles: await shippedArticles() },
      faces: {},
    });

    child.stdin.end("What did Ushakov say?\n");
    expect(await exited).toBe(0);
    expect(stdout).toContain("Ushakov");
    await expect(httpRequest(port, "/healthz")).rejects.toThrow(/ECONNREFUSED/);
  }, 90_000);

  it("refuses a HEALTH_PORT that is not a port, naming it, before anything starts", async () => {
    const bot = await startBotProcess({ HEALTH_PORT: "eighty" });
    cleanups.push(() => bot.close());
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toContain("HEALTH_PORT");
    expect(bot.stderr()).not.toContain("health check listening");
  }, 60_000);
});
