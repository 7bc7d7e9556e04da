import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError, formatArticle, loadCorpus, parseArticle } from "../../src/index.ts";
import { CORPUS_DIR, ROOT, seedArticle } from "../support/seed-engine.ts";

/** SHA-256 of ../shared/seed-corpus/kursk-negotiation-landscape.txt as received. */
const SEED_SHA256 = "e3c866bc25e67f521a173621315942ec30db292e58a810b735c9f9b0b90b9cd9";
const SHARED_SEED = join(ROOT, "..", "shared", "seed-corpus", "kursk-negotiation-landscape.txt");

const meta = `---
id: sample-one
title: "A sample: with a colon"
publisher: Example News
url: https://example.org/sample
published: 2024-10-31
language: en
---
`;

async function corpusOf(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "corpus-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe("the seed article", () => {
  it("is held verbatim: headline and 30 paragraphs rebuild the received text byte for byte", () => {
    const a = seedArticle();
    const rebuilt = [a.title, ...a.paragraphs].join("\n");
    expect(a.paragraphs).toHaveLength(30);
    expect(createHash("sha256").update(rebuilt, "utf8").digest("hex")).toBe(SEED_SHA256);
    if (existsSync(SHARED_SEED)) expect(rebuilt).toBe(readFileSync(SHARED_SEED, "utf8"));
  });

  it("carries the metadata the seed README gives", () => {
    const a = seedArticle();
    expect(a).toMatchObject({
      id: "kursk-negotiation-landscape",
      publisher: "UAWire",
      url: "https://uawire.org/from-defensive-to-offensive-ukraine-s-kursk-operation-redefines-negotiation-landscape-with-russia",
      published: null,
      language: "en",
    });
    expect(a.title).toBe(
      "From defensive to offensive: Ukraine’s Kursk operation redefines negotiation landscape with Russia",
    );
  });

  it("keeps straight and curly quotes as published", () => {
    const a = seedArticle();
    expect(a.paragraphs[1]).toContain("aggressor’s");
    expect(a.paragraphs[11]).toContain('"after the incursion');
  });
});

describe("corpus files", () => {
  it("round-trips through formatArticle and parseArticle unchanged", () => {
    const article = { ...seedArticle(), id: "copy", published: "2024-10-31" };
    const parsed = parseArticle(formatArticle(article));
    expect(parsed).toEqual({ ok: true, article });
  });

  it("reports a bad file with its path and what is wrong, and still loads the others", async () => {
    const dir = await corpusOf({
      "good.md": `${meta}First paragraph.\n\nSecond paragraph.\n`,
      "bad-url.md":
        meta.replace("https://example.org/sample", "not a url").replace("sample-one", "bad-url") +
        "Text.\n",
      "no-front-matter.md": "Just text.\n",
      "empty-body.md": meta.replace("sample-one", "empty-body"),
      "binary.md": "---\u0000\u0001\u0002",
      "z-dup.md": `${meta}Same id again.\n`,
      "notes.txt": "ignored: not an article file",
    });
    const { articles, problems } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(["sample-one"]);
    expect(articles[0]?.paragraphs).toEqual(["First paragraph.", "Second paragraph."]);
    const byFile = Object.fromEntries(problems.map((p) => [p.path.split("/").pop(), p.message]));
    expect(byFile["bad-url.md"]).toBe("url must be an http(s) URL");
    expect(byFile["no-front-matter.md"]).toMatch(
      /^no front matter: a corpus file starts with a line ---/,
    );
    expect(byFile["empty-body.md"]).toMatch(/no paragraphs/);
    expect(byFile["binary.md"]).toMatch(/binary/);
    expect(byFile["z-dup.md"]).toBe(
      `id "sample-one" is also the id of ${join(dir, "good.md")}, which is kept (it comes first by name): give this file an id of its own`,
    );
    for (const p of problems) expect(p.path.startsWith(dir)).toBe(true);
  });

  it("reports a file that is not UTF-8 with its path instead of loading mangled text", async () => {
    const dir = await corpusOf({ "good.md": `${meta}First paragraph.\n` });
    // "café crème" as Latin-1 bytes: é and è are single bytes UTF-8 cannot decode.
    const latin1 = Buffer.from(
      `${meta.replace("sample-one", "latin")}Un café crème, s'il vous plaît.\n`,
      "latin1",
    );
    await writeFile(join(dir, "latin.md"), latin1);
    const { articles, problems } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(["sample-one"]);
    expect(problems).toEqual([
      {
        path: join(dir, "latin.md"),
        message: expect.stringMatching(/not valid UTF-8: convert it/),
      },
    ]);
    expect(JSON.stringify(articles)).not.toContain("\uFFFD");
  });

  it("keeps the file named after a shared id, names both files, and warns of a misnamed one", async () => {
    const dir = await corpusOf({
      "a-copy.md": `${meta}A copy sorted first.\n`,
      "sample-one.md": `${meta}The original.\n`,
      "notes-on-b.md": `${meta.replace("sample-one", "sample-two")}Another article.\n`,
    });
    const { articles, problems, warnings } = await loadCorpus(dir);
    expect(articles.map((a) => [a.id, a.paragraphs[0]])).toEqual([
      ["sample-two", "Another article."],
      ["sample-one", "The original."],
    ]);
    expect(problems).toEqual([
      {
        path: join(dir, "a-copy.md"),
        message: `id "sample-one" is also the id of ${join(dir, "sample-one.md")}, which is kept (it is named after the id): give this file an id of its own`,
      },
    ]);
    expect(warnings).toEqual([
      {
        path: join(dir, "notes-on-b.md"),
        message:
          'its id is "sample-two": rename the file sample-two.md, so that a clash of ids keeps it',
      },
    ]);
  });

  it("says clearly when the corpus folder is missing", async () => {
    const error = await loadCorpus(join(tmpdir(), "no-such-corpus-folder")).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CORPUS_UNREADABLE");
    expect((error as AppError).message).toMatch(/does not exist.*CORPUS_DIR/);
  });

  it("says clearly when the corpus is empty or has no usable article", async () => {
    for (const files of [{}, { "broken.md": "nothing here" }] as Record<string, string>[]) {
      const error = await loadCorpus(await corpusOf(files)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("CORPUS_EMPTY");
      expect((error as AppError).message).toMatch(/No articles could be loaded/);
    }
  });

  it("loads the shipped corpus without problems", async () => {
    const { articles, problems, warnings } = await loadCorpus(CORPUS_DIR);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(articles.map((a) => a.id)).toContain("kursk-negotiation-landscape");
  });
});
