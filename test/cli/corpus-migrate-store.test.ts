import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import { runAsk } from "../../src/cli/run-ask.ts";
import { runCorpus } from "../../src/cli/run-corpus.ts";
import { openLowdbFeedbackStore } from "../../src/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { fakeIo } from "./cli-io-fake.ts";
import { useCorpusCliWorld } from "./corpus-cli-world.ts";

const TALKS = "grain-corridor-talks-stall-as-ankara-presses-both-sides";

const world = useCorpusCliWorld("corpus-migrate-");
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("npm run corpus -- migrate-store", () => {
  it("copies DATA_DIR into PostgreSQL once, and the CLI then works on the database", async () => {
    const page = world.site.url("/news/talks-stall");
    expect((await world.corpus("add", page)).code).toBe(0);
    const feedback = await openLowdbFeedbackStore({ dataDir: world.env.DATA_DIR as string });
    await feedback.vote({
      answerId: "ans1",
      userId: "u1",
      platform: "discord",
      vote: "up",
      question: "what did Fidan say?",
      quotes: [],
    });
    const onPostgres = { ...world.env, DATABASE_URL: database.url };
    const run = async (...argv: string[]) => {
      const io = fakeIo(argv, onPostgres);
      return { code: await runCorpus(io), out: io.out(), err: io.err() };
    };
    const shown = new URL(database.url);
    shown.password = "***";

    const first = await run("migrate-store");
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toBe(
      `Copied ${world.env.DATA_DIR} into ${shown}: 1 article (1 new), 1 source (1 new), 1 log entry (1 new), 1 answer with feedback (1 new), 1 vote (1 new).\n`,
    );
    expect(first.out).not.toContain(new URL(database.url).password);
    const again = await run("migrate-store");
    expect(again.out).toContain(
      "1 article (0 new), 1 source (0 new), 1 log entry (0 new), 1 answer with feedback (0 new), 1 vote (0 new).",
    );

    // Every command now reads and writes the database, not DATA_DIR.
    const listed = JSON.parse((await run("list", "--json")).out) as Array<{ id: string }>;
    expect(listed.map((a) => a.id)).toContain(TALKS);
    const askIo = fakeIo(["--json", "What did Fidan say about the ships?"], onPostgres);
    expect(await runAsk(askIo)).toBe(0);
    const answer = JSON.parse(askIo.out()) as Answer;
    expect(answer.quotes.map((q) => q.source.articleId)).toContain(TALKS);
    const before = await readFile(join(world.env.DATA_DIR as string, "corpus-store.json"), "utf8");
    expect(await run("remove", TALKS)).toMatchObject({
      code: 0,
      out: "+0 new, 0 updated, 1 removed, 0 failed\n",
    });
    const log = JSON.parse((await run("log", "--json")).out) as Array<{ action: string }>;
    expect(log.map((e) => e.action)).toEqual(["remove", "add"]);
    expect(await readFile(join(world.env.DATA_DIR as string, "corpus-store.json"), "utf8")).toBe(
      before,
    );
  });

  it("says what it needs: DATABASE_URL, and a DATA_DIR with a store in it", async () => {
    const without = await world.corpus("migrate-store");
    expect(without.code).toBe(1);
    expect(without.err).toMatch(
      /^migrate-store copies DATA_DIR's store into PostgreSQL: set DATABASE_URL/,
    );
    const io = fakeIo(["migrate-store"], { ...world.env, DATABASE_URL: database.url });
    expect(await runCorpus(io)).toBe(1);
    expect(io.err()).toBe(
      `There is nothing to copy: ${world.env.DATA_DIR} has neither corpus-store.json nor feedback.json (set DATA_DIR to the folder the bot used).\n`,
    );
  });
});
