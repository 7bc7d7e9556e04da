import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import { runAsk } from "../../src/cli/run-ask.ts";
import { fakeIo } from "./cli-io-fake.ts";
import { useCorpusCliWorld } from "./corpus-cli-world.ts";

const TALKS = "grain-corridor-talks-stall-as-ankara-presses-both-sides";

const world = useCorpusCliWorld("corpus-cli-");
const corpus = world.corpus;

describe("npm run corpus -- add/remove/refresh/sources/log", () => {
  it("adds a page that list and ask then see, and records who did what", async () => {
    const added = await corpus("add", world.site.url("/news/talks-stall"));
    expect(added).toMatchObject({ code: 0, err: "" });
    expect(added.out).toBe(`+1 new, 0 updated, 0 removed, 0 failed\nAdded: ${TALKS}\n`);

    const list = await corpus("list", "--json");
    const ids = (JSON.parse(list.out) as Array<{ id: string }>).map((a) => a.id);
    expect(ids).toEqual(["kursk-negotiation-landscape", TALKS]);

    const askIo = fakeIo(["--json", "What did Fidan say about the ships?"], world.env);
    expect(await runAsk(askIo)).toBe(0);
    const answer = JSON.parse(askIo.out()) as Answer;
    expect(answer.quotes.map((q) => q.source.articleId)).toContain(TALKS);

    const sources = await corpus("sources");
    expect(sources.out).toMatch(
      new RegExp(`^page-[0-9a-f]{8}  page  ${world.site.url("/news/talks-stall")}`),
    );
    const sourcesJson = JSON.parse((await corpus("sources", "--json")).out);
    expect(sourcesJson).toHaveLength(1);

    const pdf = await corpus("add", world.site.url("/report.pdf"));
    expect(pdf.code).toBe(1);
    expect(pdf.out).toContain("+0 new, 0 updated, 0 removed, 1 failed: ");
    expect(pdf.out).toContain("application/pdf is not a web page or a feed");

    const refreshed = await corpus("refresh");
    expect(refreshed).toMatchObject({
      code: 0,
      out: "+0 new, 0 updated, 0 removed, 0 failed (1 unchanged)\n",
    });

    const removed = await corpus("remove", TALKS);
    expect(removed).toMatchObject({ code: 0, out: "+0 new, 0 updated, 1 removed, 0 failed\n" });
    expect((await corpus("sources")).out).toContain("No sources yet");

    const log = await corpus("log", "--json");
    const entries = JSON.parse(log.out) as Array<{
      action: string;
      target: string;
      actor: { platform: string };
    }>;
    expect(entries.map((e) => e.action)).toEqual(["remove", "refresh", "add", "add"]);
    expect(entries[0]).toMatchObject({ target: TALKS, actor: { platform: "cli" } });
    const text = await corpus("log", "--limit", "1");
    expect(text.out).toMatch(/ cli:\S+ {2}remove grain-corridor/);
    expect(text.out).toContain("+0 new, 0 updated, 1 removed, 0 failed");
  });

  it("says how to use it when arguments are wrong", async () => {
    const missing = await corpus("add");
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(
      /^"add" needs <url\|file\|folder>\.\n\nUsage: npm run corpus -- add /,
    );
    expect((await corpus("refresh", "now")).code).toBe(2);
    expect((await corpus("log", "--limit", "zero")).code).toBe(2);
  });

  it("stops with the store's message when the store file is damaged", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(world.env.DATA_DIR!, "corpus-store.json"), "{ not json");
    const result = await corpus("sources");
    expect(result.code).toBe(1);
    expect(result.err).toContain("corpus-store.json is damaged");
    expect(result.err).toContain("corpus-store.json.bak");
  });

  it("exits 1 with one line naming the path when the store is a folder or DATA_DIR runs through a file", async () => {
    const { mkdir, writeFile } = await import("node:fs/promises");
    const store = join(world.env.DATA_DIR!, "corpus-store.json");
    await mkdir(store);
    const folder = await corpus("refresh");
    expect(folder.code).toBe(1);
    expect(folder.err).toBe(
      `Cannot read ${store}: it is a folder, not a file (EISDIR). Move that folder away, or set DATA_DIR to another folder.\n`,
    );

    const own = world.env.DATA_DIR!;
    await writeFile(join(own, "a-file"), "x");
    const dataDir = join(own, "a-file", "data");
    world.env.DATA_DIR = dataDir;
    const throughFile = await corpus("add", world.site.url("/news/talks-stall")).finally(() => {
      world.env.DATA_DIR = own;
    });
    expect(throughFile.code).toBe(1);
    expect(throughFile.err.trim().split("\n")).toHaveLength(1);
    expect(throughFile.err).toContain(`${dataDir}`);
    expect(throughFile.err).toContain("(ENOTDIR). Set DATA_DIR to a folder.");
  });
});
