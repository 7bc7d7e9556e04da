import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeLeftovers } from "../../src/engine/remove-leftovers.ts";
import { recordingLogger } from "../llm/recording-logger.ts";

const scratch = await mkdtemp(join(tmpdir(), "leftovers-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Past Linux's largest process id: no process has it. */
const GONE = 99_999_999;
const HOURS_AGO = (hours: number) => new Date(Date.now() - hours * 3_600_000);

async function file(name: string, modified: Date): Promise<void> {
  await writeFile(join(scratch, name), "x");
  await utimes(join(scratch, name), modified, modified);
}

describe("removeLeftovers", () => {
  it("removes what a process that is gone left half-written, and nothing else", async () => {
    await file(`corpus-1.json.${GONE}.tmp`, HOURS_AGO(3));
    await file(`corpus-1.analyses.json.${GONE}.0a1b2c3d.tmp`, HOURS_AGO(3));
    await file(`corpus-1.snapshot.${GONE}-2.next`, HOURS_AGO(3));
    // A live process's write, a fresh one (maybe another container's), and the files themselves.
    await file(`corpus-1.snapshot.${process.pid}.0a1b2c3d.tmp`, HOURS_AGO(3));
    await file(`corpus-1.json.${GONE + 1}.tmp`, HOURS_AGO(0));
    await file("corpus-1.json", HOURS_AGO(3));
    await file("corpus-1.snapshot", HOURS_AGO(3));
    const logger = recordingLogger();
    const removed = await removeLeftovers(scratch, logger);
    expect(removed.sort()).toEqual(
      [
        `corpus-1.json.${GONE}.tmp`,
        `corpus-1.analyses.json.${GONE}.0a1b2c3d.tmp`,
        `corpus-1.snapshot.${GONE}-2.next`,
      ].sort(),
    );
    expect((await readdir(scratch)).sort()).toEqual(
      [
        `corpus-1.snapshot.${process.pid}.0a1b2c3d.tmp`,
        `corpus-1.json.${GONE + 1}.tmp`,
        "corpus-1.json",
        "corpus-1.snapshot",
      ].sort(),
    );
    expect(logger.records.map((r) => r.msg)).toEqual([
      "removed files an earlier run left half-written",
    ]);
  });

  it("does nothing, quietly, for a folder that is not there", async () => {
    const logger = recordingLogger();
    expect(await removeLeftovers(join(scratch, "absent"), logger)).toEqual([]);
    expect(logger.records).toEqual([]);
  });
});
