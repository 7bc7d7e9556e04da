import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changingPage } from "../helpers/news-site.ts";
import { useCorpusCliWorld } from "./corpus-cli-world.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const GAS = "gas-storage-update";

const world = useCorpusCliWorld("corpus-kill-");
const corpus = world.corpus;

describe("a refresh in another process", () => {
  it("blocks a second one, leaves the old corpus when killed, and its lock is taken over", async () => {
    expect((await corpus("add", world.site.url("/news/changing"))).code).toBe(0);
    const storeFile = join(world.env.DATA_DIR!, "corpus-store.json");
    const before = await readFile(storeFile, "utf8");

    // The page has changed, but its server holds the answer until the process is dead.
    world.site.set("/news/changing", {
      type: "text/html",
      body: changingPage(2),
      gate: new Promise<void>(() => {}),
    });
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src", "cli", "corpus-main.ts"), "refresh"],
      { cwd: ROOT, env: { ...process.env, ...world.env }, stdio: "ignore" },
    );
    const exited = once(child, "exit");
    const lockFile = join(world.env.DATA_DIR!, "corpus-store.lock");
    await expect.poll(() => world.site.hits("/news/changing"), { timeout: 15_000 }).toBe(2);
    expect(existsSync(lockFile)).toBe(true);
    expect(JSON.parse(await readFile(lockFile, "utf8")).pid).toBe(child.pid);
    // A second refresh, from another process, is told who is refreshing.
    const second = await corpus("refresh");
    expect(second.code).toBe(1);
    expect(second.err).toContain("is busy: a refresh by cli:");
    expect(second.err).toContain(`process ${child.pid}`);
    child.kill("SIGKILL");
    await exited;

    expect(await readFile(storeFile, "utf8")).toBe(before);
    const list = JSON.parse((await corpus("list", "--json")).out) as Array<{
      id: string;
      paragraphs: number;
    }>;
    expect(list.find((a) => a.id === GAS)?.paragraphs).toBe(3);

    world.site.set("/news/changing", { type: "text/html", body: changingPage(2) });
    const refreshed = await corpus("refresh");
    expect(refreshed).toMatchObject({ code: 0, out: "+0 new, 1 updated, 0 removed, 0 failed\n" });
    const after = JSON.parse((await corpus("list", "--json")).out) as Array<{
      id: string;
      paragraphs: number;
    }>;
    expect(after.find((a) => a.id === GAS)?.paragraphs).toBe(4);
    expect(existsSync(lockFile)).toBe(false);
  });
});
