import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.ts";
import type { AuditEntry } from "../../src/store/corpus-store.ts";
import {
  LowdbCorpusStore,
  openLowdbCorpusStore,
  STORE_FILE,
} from "../../src/store/lowdb-corpus-store.ts";
import { NODE_STORE_FILE_SYSTEM, type StoreFileSystem } from "../../src/store/store-file-system.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "store-io-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const audit = (summary: string): AuditEntry => ({
  at: new Date().toISOString(),
  actor: { platform: "cli", id: "tester" },
  action: "refresh",
  target: "all",
  summary,
  added: [],
  updated: [],
  removed: [],
  failed: [],
});

function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** One line, naming the path: what an operator reads in a log or a terminal. */
function expectOneLine(error: AppError, path: string): void {
  expect(error.message).not.toContain("\n");
  expect(error.message).toContain(path);
}

/** Writes one change through a store whose file system is `fs`. */
async function writeThrough(fs: StoreFileSystem): Promise<AppError> {
  const store = new LowdbCorpusStore(dir, { fs });
  return caught(
    (async () => {
      const lock = await store.lock("test");
      try {
        await store.apply(lock, { audit: audit("x") });
      } finally {
        await lock.release();
      }
    })(),
  );
}

describe("the store on a disk that fails", () => {
  it("names the lock file and says what to do when DATA_DIR is read-only (EROFS)", async () => {
    const lockPath = join(dir, "corpus-store.lock");
    const error = await writeThrough({
      ...NODE_STORE_FILE_SYSTEM,
      writeFile: async (path) => {
        throw errnoError("EROFS", "open", path);
      },
    });
    expect(error.code).toBe("STORE_UNWRITABLE");
    expectOneLine(error, lockPath);
    expect(error.message).toMatch(/read-only \(EROFS\).*DATA_DIR/);
  });

  it("removes the partial temporary file when the disk is full (ENOSPC), and keeps the store", async () => {
    const file = join(dir, STORE_FILE);
    const before = `${JSON.stringify({ version: 1, articles: [], sources: [], log: [] })}\n`;
    await writeFile(file, before);
    const error = await writeThrough({
      ...NODE_STORE_FILE_SYSTEM,
      writeFile: async (path, data, options) => {
        if (!path.endsWith(".tmp")) return NODE_STORE_FILE_SYSTEM.writeFile(path, data, options);
        // What a full disk does: part of the file is written, then the write fails.
        await NODE_STORE_FILE_SYSTEM.writeFile(path, data.slice(0, 10));
        throw errnoError("ENOSPC", "write", path);
      },
    });
    expect(error.code).toBe("STORE_UNWRITABLE");
    expectOneLine(error, file);
    expect(error.message).toMatch(/disk is full \(ENOSPC\)/);
    expect(await readFile(file, "utf8")).toBe(before);
    expect(existsSync(join(dir, `.${STORE_FILE}.tmp`))).toBe(false);
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("says the store is a folder (EISDIR) at open, and writes nothing into it", async () => {
    const file = join(dir, STORE_FILE);
    await mkdir(file);
    await writeFile(join(file, "keep.txt"), "mine");
    const error = await caught(openLowdbCorpusStore(dir));
    expect(error.code).toBe("STORE_UNREADABLE");
    expectOneLine(error, file);
    expect(error.message).toMatch(/is a folder, not a file \(EISDIR\)/);
    const written = await writeThrough(NODE_STORE_FILE_SYSTEM);
    expect(written.code).toBe("STORE_UNREADABLE");
    expect(await readdir(file)).toEqual(["keep.txt"]);
  });

  it("says a folder on DATA_DIR's path is missing (mkdir ENOENT) in one line", async () => {
    const dataDir = join(dir, "gone", "data");
    const store = new LowdbCorpusStore(dataDir, {
      fs: {
        ...NODE_STORE_FILE_SYSTEM,
        mkdir: async (path) => {
          throw errnoError("ENOENT", "mkdir", path);
        },
      },
    });
    const error = await caught(store.lock("test"));
    expect(error.code).toBe("STORE_UNWRITABLE");
    expectOneLine(error, dataDir);
    expect(error.message).toMatch(/missing or a broken link \(ENOENT\)\. Create .*gone/);
  });

  it("says part of DATA_DIR is a file (ENOTDIR), at open and at the first write", async () => {
    await writeFile(join(dir, "not-a-folder"), "a file");
    const dataDir = join(dir, "not-a-folder", "data");
    const opened = await caught(openLowdbCorpusStore(dataDir));
    expect(opened.code).toBe("STORE_UNREADABLE");
    expectOneLine(opened, dataDir);
    expect(opened.message).toMatch(/is a file, not a folder \(ENOTDIR\)\. Set DATA_DIR/);
    const written = await caught(new LowdbCorpusStore(dataDir).lock("test"));
    expect(written.code).toBe("STORE_UNWRITABLE");
    expect(written.message).toMatch(/ENOTDIR/);
    expect(await readFile(join(dir, "not-a-folder"), "utf8")).toBe("a file");
  });

  it("does not advise restoring a backup that is damaged too, or missing", async () => {
    const file = join(dir, STORE_FILE);
    await writeFile(file, "{ damaged");
    const missing = await caught(openLowdbCorpusStore(dir));
    expect(missing.code).toBe("STORE_CORRUPT");
    expect(missing.message).not.toMatch(/copy .* over it/);
    expect(missing.message).toMatch(/no backup/);

    await writeFile(`${file}.bak`, "{ damaged too");
    const damaged = await caught(openLowdbCorpusStore(dir));
    expect(damaged.message).not.toMatch(/copy .* over it/);
    expect(damaged.message).toMatch(/backup .*\.bak is damaged too/);

    await writeFile(
      `${file}.bak`,
      JSON.stringify({ version: 1, articles: [], sources: [], log: [] }),
    );
    const good = await caught(openLowdbCorpusStore(dir));
    expect(good.message).toMatch(/copy .*\.bak over it/);
  });
});
