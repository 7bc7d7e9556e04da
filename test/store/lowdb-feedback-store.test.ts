import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError, openLowdbFeedbackStore } from "../../src/index.ts";
import { NODE_STORE_FILE_SYSTEM } from "../../src/store/store-file-system.ts";
import { quote } from "./contract/fixtures.ts";

function errnoError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: '${path}'`), { code, path });
}

const QUOTE = quote(3, 10);

const vote = (userId: string, v: "up" | "down", answerId = "ans1") => ({
  answerId,
  userId,
  platform: "discord",
  vote: v,
  question: "what did Ushakov say?",
  quotes: [QUOTE],
});

describe("lowdb feedback store", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "feedback-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps one vote per user per answer; a second click changes it", async () => {
    const store = await openLowdbFeedbackStore({ dataDir: dir });
    expect(await store.vote(vote("u1", "up"))).toBe("recorded");
    expect(await store.vote(vote("u1", "up"))).toBe("unchanged");
    expect(await store.vote(vote("u1", "down"))).toBe("changed");
    expect(await store.vote(vote("u2", "up"))).toBe("recorded");
    expect(await store.votesFor("discord", "ans1")).toEqual({ up: 1, down: 1 });
    expect(await store.votesFor("telegram", "ans1")).toEqual({ up: 0, down: 0 });
  });

  it("writes the question, the quotes and the user to feedback.json, and reads them back", async () => {
    const store = await openLowdbFeedbackStore({
      dataDir: path.join(dir, "nested", "data"),
      now: () => new Date("2025-01-02T03:04:05Z"),
    });
    await store.vote(vote("u1", "down"));
    const file = JSON.parse(
      await readFile(path.join(dir, "nested", "data", "feedback.json"), "utf8"),
    );
    const stored = file.answers["discord:ans1"];
    expect(stored.question).toBe("what did Ushakov say?");
    expect(stored.quotes[0]).toMatchObject({ text: QUOTE.text, articleId: "a1", paragraph: 3 });
    expect(stored.votes).toEqual({ u1: { vote: "down", at: "2025-01-02T03:04:05.000Z" } });

    const reopened = await openLowdbFeedbackStore({ dataDir: path.join(dir, "nested", "data") });
    expect(await reopened.votesFor("discord", "ans1")).toEqual({ up: 0, down: 1 });
    expect(await reopened.vote(vote("u1", "down"))).toBe("unchanged");
  });

  it("refuses a corrupt file, names it, and leaves it untouched", async () => {
    const file = path.join(dir, "feedback.json");
    await writeFile(file, '{"version": 1, "answers": {');
    const error = await openLowdbFeedbackStore({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("STORE_CORRUPT");
    expect((error as AppError).message).toContain(file);
    expect(await readFile(file, "utf8")).toBe('{"version": 1, "answers": {');
  });

  it("refuses valid JSON of the wrong shape", async () => {
    await writeFile(path.join(dir, "feedback.json"), '{"version": 1, "answers": {"x": 3}}');
    await expect(openLowdbFeedbackStore({ dataDir: dir })).rejects.toThrow(/answers\.x/);
  });

  it("starts afresh from an empty file", async () => {
    await writeFile(path.join(dir, "feedback.json"), "");
    const store = await openLowdbFeedbackStore({ dataDir: dir });
    expect(await store.vote(vote("u1", "up"))).toBe("recorded");
  });

  it("keeps every vote when many arrive at once", async () => {
    const store = await openLowdbFeedbackStore({ dataDir: dir });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.vote(vote(`u${i}`, i % 2 ? "up" : "down"))),
    );
    const reopened = await openLowdbFeedbackStore({ dataDir: dir });
    expect(await reopened.votesFor("discord", "ans1")).toEqual({ up: 25, down: 25 });
  });

  it("says the disk is full (ENOSPC) in one line naming the file, removes the partial temporary, keeps the file", async () => {
    const store = await openLowdbFeedbackStore({ dataDir: dir });
    await store.vote(vote("u1", "up"));
    const file = path.join(dir, "feedback.json");
    const before = await readFile(file, "utf8");
    const full = await openLowdbFeedbackStore({
      dataDir: dir,
      fs: {
        ...NODE_STORE_FILE_SYSTEM,
        writeFile: async (target, data) => {
          await NODE_STORE_FILE_SYSTEM.writeFile(target, data.slice(0, 10));
          throw errnoError("ENOSPC", target);
        },
      },
    });
    const error = await full.vote(vote("u2", "down")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("STORE_UNWRITABLE");
    expect((error as AppError).message).toContain(file);
    expect((error as AppError).message).toMatch(/disk is full \(ENOSPC\)/);
    expect((error as AppError).message).not.toContain("\n");
    expect(await readFile(file, "utf8")).toBe(before);
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(await full.votesFor("discord", "ans1")).toEqual({ up: 1, down: 0 });
  });

  it("says DATA_DIR is read-only (EROFS) when a vote cannot be written", async () => {
    const store = await openLowdbFeedbackStore({
      dataDir: dir,
      fs: {
        ...NODE_STORE_FILE_SYSTEM,
        writeFile: async (target) => {
          throw errnoError("EROFS", target);
        },
      },
    });
    await expect(store.vote(vote("u1", "up"))).rejects.toThrow(
      /feedback\.json: the file system is read-only \(EROFS\)\. Set DATA_DIR/,
    );
  });

  it("says feedback.json is a folder (EISDIR) at open, without a stack trace", async () => {
    await mkdir(path.join(dir, "feedback.json"));
    const error = await openLowdbFeedbackStore({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /feedback\.json: it is a folder, not a file \(EISDIR\)/,
    );
  });
});
