import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCorpusCliWorld } from "./corpus-cli-world.ts";

const world = useCorpusCliWorld("corpus-text-");
const corpus = world.corpus;
const dataDir = () => world.env.DATA_DIR!;

const STORY = [
  "Mayor opens the Vesna bridge",
  "",
  "The mayor said on Monday that the Vesna bridge",
  "would open to traffic in May.",
  "",
  "“It is a great day for the river towns,” she said.",
  "",
].join("\n");

async function stored(): Promise<{
  articles: Array<{
    article: { id: string; title: string; paragraphs: string[]; publisher: string };
  }>;
  sources: Array<{ location: string; meta?: Record<string, string> }>;
}> {
  return JSON.parse(await readFile(join(dataDir(), "corpus-store.json"), "utf8"));
}

describe("npm run corpus -- add <text file>", () => {
  it("adds a plain text file with its metadata from options; a refresh reads it the same way", async () => {
    const file = join(dataDir(), "story.txt");
    await writeFile(file, STORY);
    const added = await corpus(
      "add",
      file,
      "--publisher",
      "The River Daily",
      "--url",
      "https://river.example/vesna-bridge",
      "--published",
      "2024-05-02",
    );
    expect(added).toMatchObject({ code: 0, err: "" });
    expect(added.out).toBe(
      "+1 new, 0 updated, 0 removed, 0 failed\nAdded: mayor-opens-the-vesna-bridge\n",
    );
    const [entry] = (await stored()).articles;
    expect(entry?.article).toMatchObject({
      id: "mayor-opens-the-vesna-bridge",
      title: "Mayor opens the Vesna bridge",
      publisher: "The River Daily",
      paragraphs: [
        "The mayor said on Monday that the Vesna bridge would open to traffic in May.",
        "“It is a great day for the river towns,” she said.",
      ],
    });
    const list = JSON.parse((await corpus("list", "--json")).out) as Array<{ id: string }>;
    expect(list.map((a) => a.id)).toContain("mayor-opens-the-vesna-bridge");

    await writeFile(file, `${STORY}\nTraffic will be one lane at first.\n`);
    const refreshed = await corpus("refresh");
    expect(refreshed).toMatchObject({ code: 0, out: "+0 new, 1 updated, 0 removed, 0 failed\n" });
    expect((await stored()).articles[0]?.article.paragraphs).toHaveLength(3);
  });

  it("says what is missing, naming the file once", async () => {
    const file = join(dataDir(), "story.txt");
    await writeFile(file, STORY);
    const result = await corpus("add", file, "--url", "https://river.example/vesna-bridge");
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      `+0 new, 0 updated, 0 removed, 1 failed: ${file}: publisher is missing: give --publisher, or a front matter block (see README: corpus file format)\n`,
    );
    expect(result.out.split(file)).toHaveLength(2);
    const missing = await corpus("add", join(dataDir(), "gone.txt"));
    expect(missing.out).toBe(
      `+0 new, 0 updated, 0 removed, 1 failed: ${join(dataDir(), "gone.txt")}: the file does not exist\n`,
    );
  });

  it("adds a Markdown file without front matter, its # heading the title and --id its id", async () => {
    const file = join(dataDir(), "plan.md");
    await writeFile(file, "# Harbour plan approved\n\nThe council approved the harbour plan.\n");
    const added = await corpus(
      "add",
      file,
      "--id",
      "harbour-plan",
      "--publisher",
      "Port News",
      "--url",
      "https://port.example/plan",
    );
    expect(added).toMatchObject({ code: 0, out: expect.stringContaining("Added: harbour-plan\n") });
    expect((await stored()).articles[0]?.article).toMatchObject({
      title: "Harbour plan approved",
      paragraphs: ["The council approved the harbour plan."],
    });
  });

  it("adds a folder: every text file, the shared options for each, and says which file lacks what", async () => {
    const folder = join(dataDir(), "stories");
    await mkdir(join(folder, "sub"), { recursive: true });
    await writeFile(
      join(folder, "a-bridge.md"),
      `---\nurl: https://river.example/vesna-bridge\n---\n${STORY}`,
    );
    await writeFile(join(folder, "b-plan.txt"), "Harbour plan\n\nThe council approved it.\n");
    await writeFile(join(folder, "notes.pdf"), "%PDF");
    await writeFile(join(folder, "sub", "c.txt"), "Not read\n\nSubfolders are left alone.\n");
    const result = await corpus("add", folder, "--publisher", "The River Daily");
    expect(result.code, result.out).toBe(0);
    expect(result.out).toBe(
      `+1 new, 0 updated, 0 removed, 1 failed: ${join(folder, "b-plan.txt")}: url is missing: give each file of a folder a front matter block with url: (see README: corpus file format), or add the file alone with --url\nAdded: mayor-opens-the-vesna-bridge\n`,
    );
    const { articles, sources } = await stored();
    expect(articles.map((a) => a.article.publisher)).toEqual(["The River Daily"]);
    expect(sources).toMatchObject([
      { location: join(folder, "a-bridge.md"), meta: { publisher: "The River Daily" } },
    ]);

    const titled = await corpus("add", folder, "--title", "One title");
    expect(titled.out).toBe(
      `+0 new, 0 updated, 0 removed, 1 failed: ${folder}: --title names one article: add the files one by one, or give each file a front matter block\n`,
    );
  });
});
