import { randomUUID } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { hostname } from "node:os";
import { AppError } from "../errors.ts";
import { NODE_STORE_FILE_SYSTEM, type StoreFileSystem } from "./store-file-system.ts";

/** What a lock file holds: enough to tell a person who is writing, and to spot a dead writer. */
export interface LockHolder {
  pid: number;
  hostname: string;
  purpose: string;
  startedAt: string;
  token: string;
}

export interface HeldLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

/** Tokens of the locks this process holds: a file with our pid but another token is stale. */
const HELD_HERE = new Set<string>();
/** A lock file still empty after this long was left by a writer that died while creating it. */
const EMPTY_LOCK_GRACE_MS = 5_000;
/** The takeover guard is held for milliseconds; one older than this was left by a crash. */
const TAKEOVER_GUARD_STALE_MS = 10_000;

/**
 * Takes the lock file at `path` (created exclusively, our pid inside). A lock whose
 * process is dead, including one left by an earlier run that had our pid (containers
 * reuse pid 1), is taken over; a live one is an AppError STORE_BUSY naming its holder.
 * The takeover itself runs under a short guard file, so that two processes finding the
 * same stale lock cannot both take it. A failing file operation (a read-only disk) is
 * thrown as it is, for the caller to name.
 */
export async function acquireLockFile(
  path: string,
  purpose: string,
  describe: (holder: LockHolder) => string,
  fs: StoreFileSystem = NODE_STORE_FILE_SYSTEM,
): Promise<HeldLock> {
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    purpose,
    startedAt: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await fs.writeFile(path, JSON.stringify(holder), { flag: "wx" });
      return hold(path, holder, fs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const current = await readHolder(path, fs);
    if (current === "gone") continue;
    if (current !== "unreadable" && isAlive(current)) {
      throw new AppError("STORE_BUSY", describe(current));
    }
    if (current === "unreadable" && !(await olderThan(path, EMPTY_LOCK_GRACE_MS, fs))) {
      throw new AppError("STORE_BUSY", `${path} is being taken by another process; try again.`);
    }
    await takeOver(path, current === "unreadable" ? null : current.token, fs);
  }
  throw new AppError("STORE_BUSY", `Could not take ${path}: other processes keep taking it.`);
}

function hold(path: string, holder: LockHolder, fs: StoreFileSystem): HeldLock {
  HELD_HERE.add(holder.token);
  // A process that exits without releasing (an uncaught error) still removes its lock.
  const onExit = () => {
    try {
      if (readFileSync(path, "utf8").includes(holder.token)) unlinkSync(path);
    } catch {
      // Already gone: nothing to clean.
    }
  };
  process.once("exit", onExit);
  let released = false;
  return {
    holder,
    async release() {
      if (released) return;
      released = true;
      process.off("exit", onExit);
      HELD_HERE.delete(holder.token);
      const current = await readHolder(path, fs);
      if (typeof current === "object" && current.token === holder.token) await fs.unlink(path);
    },
  };
}

async function readHolder(
  path: string,
  fs: StoreFileSystem,
): Promise<LockHolder | "gone" | "unreadable"> {
  let text: string;
  try {
    text = await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as LockHolder;
    return typeof parsed.pid === "number" && typeof parsed.token === "string"
      ? parsed
      : "unreadable";
  } catch {
    return "unreadable";
  }
}

/** Whether the holder's process still runs. Another host's process cannot be checked: assume it does. */
function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  if (holder.pid === process.pid) return HELD_HERE.has(holder.token);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function olderThan(path: string, ms: number, fs: StoreFileSystem): Promise<boolean> {
  try {
    return Date.now() - (await fs.stat(path)).mtimeMs > ms;
  } catch {
    return true;
  }
}

async function takeOver(
  path: string,
  staleToken: string | null,
  fs: StoreFileSystem,
): Promise<void> {
  const guard = `${path}.takeover`;
  try {
    await fs.writeFile(guard, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if (await olderThan(guard, TAKEOVER_GUARD_STALE_MS, fs)) await fs.unlink(guard).catch(() => {});
    return;
  }
  try {
    // Still the same stale lock? Another process may have taken over and locked meanwhile.
    const current = await readHolder(path, fs);
    const same =
      current === "unreadable"
        ? staleToken === null
        : current !== "gone" && current.token === staleToken;
    if (same) await fs.unlink(path).catch(() => {});
  } finally {
    await fs.unlink(guard).catch(() => {});
  }
}
