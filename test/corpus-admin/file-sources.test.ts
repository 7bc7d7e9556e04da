import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusConfigSchema } from "../../src/config/corpus-config.ts";
import { parseConfig } from "../../src/config/read-environment.ts";
import { formatArticle } from "../../src/corpus/format-article.ts";
import { formatSummary } from "../../src/corpus-admin/change-summary.ts";
import { fetchOptionsFrom } from "../../src/corpus-admin/fetch-options-from.ts";
import { AppError } from "../../src/errors.ts";
import type { Actor } from "../../src/store/corpus-store.ts";
import { fixture } from "../helpers/news-site.ts";
import { SECRET_CODE, writeSecretArticle } from "../helpers/secret-article.ts";
import { MODERATOR, quotedArticles, startWorld, type World } from "./corpus-manager-setup.ts";

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.close();
});

describe("file sources", () => {
  it("adds a corpus file and a saved page, and removes them when the files are deleted", async () => {
    const md = join(world.dataDir, "briefing.md");
    await writeFile(
      md,
      formatArticle({
        id: "morning-briefing",
        title: "Morning briefing on the Zaporizhzhia plant",
        publisher: "Briefing Desk",
        url: "https://briefing.example/zaporizhzhia",
        published: "2024-09-20",
        language: "en",
        paragraphs: [
          "Inspectors reported drone strikes near the plant's training centre overnight.",
          "“The situation remains precarious,” said Rafael Grossi, the head of the IAEA, in a statement on Friday.",
        ],
      }),
    );
    const html = join(world.dataDir, "saved.html");
    await writeFile(
      html,
      fixture("talks-stall.html").replaceAll("{{origin}}", "https://ledger.example"),
    );

    const first = await world.manager.add(md, MODERATOR);
    expect(first.added).toEqual(["morning-briefing"]); // the file's own id is kept
    const second = await world.manager.add(html, MODERATOR);
    expect(second.added).toEqual(["grain-corridor-talks-stall-as-ankara-presses-both-sides"]);
    const stored = (await world.store.read()).articles;
    expect(stored[1]?.article.url).toBe("https://ledger.example/news/talks-stall?utm_source=rss");
    expect((await world.manager.sources()).map((s) => [s.kind, s.location])).toEqual([
      ["file", md],
      ["file", html],
    ]);
    const grossi = await world.engine.ask("What did Grossi say?");
    expect(quotedArticles(grossi)).toEqual(["morning-briefing"]);

    await rm(md);
    const refresh = await world.manager.refresh(MODERATOR);
    expect(formatSummary(refresh)).toBe("+0 new, 0 updated, 1 removed, 0 failed (1 unchanged)");
    expect((await world.manager.sources()).map((s) => s.location)).toEqual([html]);
    expect(world.engine.articles().map((a) => a.id)).not.toContain("morning-briefing");
  });

  it("refuses files it cannot use, with the reason", async () => {
    const txt = join(world.dataDir, "notes.txt");
    await writeFile(txt, "just notes");
    const pdf = join(world.dataDir, "report.pdf");
    await writeFile(pdf, "%PDF-1.4");
    const bare = join(world.dataDir, "bare.html");
    await writeFile(bare, fixture("envoy-visit.html"));
    const missing = await world.manager.add(join(world.dataDir, "nope.md"), MODERATOR);
    // The summary names the file once: the reason does not repeat it.
    expect(missing.failed[0]).toEqual({
      target: join(world.dataDir, "nope.md"),
      reason: "the file does not exist",
    });
    const notes = await world.manager.add(txt, MODERATOR);
    expect(notes.failed[0]?.reason).toBe(
      "publisher and url are missing: give --publisher and --url, or a front matter block (see README: corpus file format); no paragraphs after the title",
    );
    const report = await world.manager.add(pdf, MODERATOR);
    expect(report.failed[0]?.reason).toBe(
      "only text and Markdown files (.md, .markdown, .txt, .text) and saved pages (.html) can be added, not .pdf",
    );
    const noCanonical = await world.manager.add(bare, MODERATOR);
    expect(noCanonical.failed[0]?.reason).toContain("names no canonical URL");
    expect((await world.store.read()).articles).toEqual([]);
  });
});

describe("file sources are for the CLI only", () => {
  const CHAT_ACTOR: Actor = { platform: "telegram", id: "501", name: "@maria" };
  const SECRET_LINE = `The vault code is ${SECRET_CODE} and nobody outside this machine may read it.`;

  it("never reads a file for chat, however the argument is spelled, nor says if it exists", async () => {
    const secret = await writeSecretArticle(world.dataDir);
    const broken = join(world.dataDir, "broken.md");
    await writeFile(broken, `---\ntitle: [${SECRET_LINE}\n---\n${SECRET_LINE}\n`);
    const missing = join(world.dataDir, "missing.md");
    // new URL() says http: and a host of ".."; resolve() makes it the absolute path.
    const traversal = (path: string) => `http:/${"../".repeat(40)}${path.slice(1)}`;
    const reasons = new Set<string>();
    for (const path of [secret, broken, missing]) {
      for (const target of [path, traversal(path)]) {
        const explicit = await world.manager.add(target, CHAT_ACTOR, undefined, "chat");
        // A chat actor without an explicit origin is chat too.
        const implicit = await world.manager.add(target, CHAT_ACTOR);
        for (const summary of [explicit, implicit]) {
          expect(summary.added, target).toEqual([]);
          expect(summary.failed, target).toHaveLength(1);
          const reason = summary.failed[0]?.reason ?? "";
          expect(reason).not.toContain(SECRET_CODE);
          expect(reason).not.toMatch(/exist|not a file|cannot read/);
          reasons.add(reason.replace(target, "<target>"));
        }
      }
    }
    // Whether a path exists changes nothing in what chat is told.
    expect(reasons.size).toBeLessThanOrEqual(2);
    expect([...reasons].join("\n")).toMatch(/only http\(s\) URLs can be added from chat/);
    expect((await world.store.read()).articles).toEqual([]);
    expect(world.engine.articles().map((a) => a.id)).not.toContain("vault-notes");
  });

  it("does not re-read a file source that chat added (before chat was refused files)", async () => {
    const notes = join(world.dataDir, "notes.md");
    const article = {
      id: "vault-notes",
      title: "Vault notes",
      publisher: "Nobody",
      url: "https://vault.example/notes",
      published: "2024-09-20",
      language: "en",
      paragraphs: ["The first version of the notes, said nobody at all on Friday."],
    };
    await writeFile(notes, formatArticle(article));
    expect((await world.manager.add(notes, MODERATOR)).added).toEqual(["vault-notes"]);
    // A store written by an older version, whose chat /add could store a file.
    const storeFile = join(world.dataDir, "corpus-store.json");
    const data = JSON.parse(await readFile(storeFile, "utf8"));
    data.sources[0].addedBy = CHAT_ACTOR;
    await writeFile(storeFile, JSON.stringify(data));
    await writeFile(notes, formatArticle({ ...article, paragraphs: [SECRET_LINE] }));

    const refresh = await world.manager.refresh(CHAT_ACTOR);
    expect(refresh.updated).toEqual([]);
    expect(refresh.failed).toEqual([
      { target: notes, reason: expect.stringContaining("added from chat") },
    ]);
    expect(JSON.stringify(await world.store.read())).not.toContain(SECRET_CODE);
  });

  it("tells the CLI that only http(s) URLs and local files can be added", async () => {
    for (const target of [
      "file:///etc/passwd",
      "ftp://news.example/a",
      "javascript:alert(1)",
      "data:text/html,<p>hi</p>",
    ]) {
      const summary = await world.manager.add(target, MODERATOR);
      expect(summary.failed, target).toEqual([
        {
          target,
          reason: expect.stringMatching(/^only http\(s\) URLs and local files can be added/),
        },
      ]);
    }
  });
});

describe("CorpusConfigSchema", () => {
  it("has safe defaults and names a bad variable", () => {
    expect(parseConfig(CorpusConfigSchema, {})).toEqual({
      CORPUS_ALLOW_PRIVATE_URLS: false,
      CORPUS_ALLOW_LINK_LOCAL_URLS: false,
      CORPUS_FETCH_TIMEOUT_SECONDS: 20,
      CORPUS_FETCH_MAX_MB: 5,
      CORPUS_FEED_MAX_ITEMS: 30,
      REFRESH_INTERVAL_MINUTES: 0,
    });
    expect(parseConfig(CorpusConfigSchema, { CORPUS_ALLOW_PRIVATE_URLS: "yes" })).toMatchObject({
      CORPUS_ALLOW_PRIVATE_URLS: true,
    });
    const both = parseConfig(CorpusConfigSchema, {
      CORPUS_ALLOW_PRIVATE_URLS: "true",
      CORPUS_ALLOW_LINK_LOCAL_URLS: "true",
    });
    expect(fetchOptionsFrom(both).policy).toEqual({ allowPrivate: true, allowLinkLocal: true });
    expect(fetchOptionsFrom(parseConfig(CorpusConfigSchema, {})).policy).toEqual({
      allowPrivate: false,
      allowLinkLocal: false,
    });
    let error: unknown;
    try {
      parseConfig(CorpusConfigSchema, {
        REFRESH_INTERVAL_MINUTES: "hourly",
        CORPUS_ALLOW_PRIVATE_URLS: "maybe",
        CORPUS_ALLOW_LINK_LOCAL_URLS: "metadata",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain(
      "REFRESH_INTERVAL_MINUTES: must be a whole number of minutes",
    );
    expect((error as AppError).message).toContain(
      "CORPUS_ALLOW_PRIVATE_URLS: must be true or false",
    );
    expect((error as AppError).message).toContain(
      "CORPUS_ALLOW_LINK_LOCAL_URLS: must be true or false",
    );
  });
});
