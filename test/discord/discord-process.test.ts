import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeDiscord, MANAGER_PERMISSIONS } from "../fakes/fake-discord.ts";
import { ALICE, isEditOriginal } from "./discord-harness.ts";

let fake: FakeDiscord;
let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  dataDir = await mkdtemp(path.join(tmpdir(), "discord-process-"));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
});

it("npm start serves Discord (moderators' commands included) when DISCORD_BOT_TOKEN is set, and stops cleanly on SIGTERM", async () => {
  child = spawn(process.execPath, ["--import", "tsx", "bin/start.ts"], {
    env: {
      PATH: process.env.PATH,
      DISCORD_BOT_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      CORPUS_DIR: "corpus",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
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
  const interaction = fake.command("ask", [{ name: "question", value: "What did Lavrov say?" }], {
    user: ALICE,
  });
  await fake.waitFor(
    () => fake.requestsFor(interaction).some((r) => isEditOriginal(r) && r.status === 200),
    "the answer",
    30_000,
  );

  // bin/start.ts hands the corpus manager to the face: a moderator's /refresh runs.
  const refresh = fake.command("refresh", [], {
    user: { id: "1600000000000000004", username: "dana" },
    permissions: MANAGER_PERMISSIONS,
  });
  await fake.waitFor(
    () =>
      fake
        .requestsFor(refresh)
        .some(
          (r) =>
            isEditOriginal(r) && /\\?\+0 new, 0 updated, 0 removed, 0 failed/.test(r.body.content),
        ),
    "the refresh summary",
    30_000,
  );

  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(stderr).toContain("Discord: connected");
  expect(stderr).toContain("Discord: disconnected");
  expect(stderr).not.toContain(fake.token);
  await fake.waitFor(() => fake.readySessions === 0, "the gateway connection closed");
}, 90_000);
