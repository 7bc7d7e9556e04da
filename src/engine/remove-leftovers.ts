import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../log/logger.ts";

/**
 * A write in progress, named by the process writing it: `<file>.<pid>[.<hex>].tmp` (cache,
 * analyses, snapshot) or `<file>.<pid>-<n>.next` (a refresh's snapshot). A process killed
 * while writing leaves one behind, tens of megabytes at 10,000 articles, and nothing else
 * would ever remove it.
 */
const IN_PROGRESS = /\.(\d+)(?:\.[0-9a-f]{8})?\.tmp$|\.(\d+)-\d+\.next$/;
/** No write takes this long: a file untouched for an hour is not being written. */
const ABANDONED_MS = 60 * 60 * 1000;

/** Whether a process with this id runs on this machine (one in another container may look gone). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes from `dir` the files earlier runs were writing when they stopped: named by a
 * process that no longer runs and untouched for an hour. Returns their names. Best effort:
 * a file that cannot be read or removed is left, and a missing folder is nothing to do.
 */
export async function removeLeftovers(
  dir: string,
  logger: Logger,
  now: number = Date.now(),
): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = IN_PROGRESS.exec(name);
    if (!match) continue;
    const pid = Number(match[1] ?? match[2]);
    if (running(pid)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < ABANDONED_MS) continue;
    if (
      await rm(path).then(
        () => true,
        () => false,
      )
    )
      removed.push(name);
  }
  if (removed.length > 0)
    logger.info({ dir, files: removed }, "removed files an earlier run left half-written");
  return removed;
}
