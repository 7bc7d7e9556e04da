import { execFile } from "node:child_process";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { ASK_USAGE, MAX_LINE_LENGTH, runAsk } from "../../src/cli/run-ask.ts";
import { runCorpus } from "../../src/cli/run-corpus.ts";
import { CORPUS_DIR, ROOT, seedArticle, seedEngine } from "../support/seed-engine.ts";

function io(argv: string[], input = "", env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  const cli: CliIo = {
    argv,
    env: { CORPUS_DIR, LOG_LEVEL: "silent", ...env },
    stdin: Readable.from([input]),
    stdout,
    stderr,
  };
  return { cli, out: () => out, err: () => err };
}

describe("npm run ask", () => {
  it("prints each quote with who said it, the source line and the link", async () => {
    const t = io(["What did Ushakov say?"]);
    expect(await runAsk(t.cli)).toBe(0);
    expect(t.out()).toContain("Yuri Ushakov (Russian presidential aide for foreign policy)");
    expect(t.out()).toContain("UAWire · “From defensive to offensive");
    expect(t.out()).toContain("¶13");
    expect(t.out()).toMatch(/https:\/\/uawire\.org\/\S+#:~:text=/);
  });

  it("--json prints exactly one JSON object, the Answer", async () => {
    const t = io(["--json", "What did Ushakov say?"]);
    expect(await runAsk(t.cli)).toBe(0);
    const answer = JSON.parse(t.out());
    expect(answer).toMatchObject({
      status: "answered",
      question: "What did Ushakov say?",
      mode: "extractive",
    });
    expect(answer.quotes[0].source).toMatchObject({ paragraph: 13, publisher: "UAWire" });
  });

  it("offers no follow-up it cannot take: a one-shot answer never says “what else?”", async () => {
    const t = io(["What did Putin say?"]);
    expect(await runAsk(t.cli)).toBe(0);
    expect(t.out()).toContain("Vladimir Putin");
    expect(t.out()).toMatch(/\(1 more quote: ask a narrower question\)/);
    expect(t.out()).not.toMatch(/what else/i);

    const json = io(["--json", "What did Putin say?"]);
    expect(await runAsk(json.cli)).toBe(0);
    expect(JSON.parse(json.out()).moreQuotes).toBe(1);
    expect(json.out()).not.toMatch(/what else/i);
  });

  it("exits 0 for not_found", async () => {
    const t = io(["--json", "What did Joe Biden say?"]);
    expect(await runAsk(t.cli)).toBe(0);
    expect(JSON.parse(t.out()).status).toBe("not_found");
  });

  it("--jsonl answers one question per line with one JSON line each", async () => {
    const t = io(
      ["--jsonl"],
      "What did Ushakov say?\n\nWhat did Joe Biden say?\nquotes by Syrskyi\n",
    );
    expect(await runAsk(t.cli)).toBe(0);
    const lines = jsonLines(t.out());
    expect(lines.map((a) => a.problem ?? a.status)).toEqual([
      "answered",
      "empty_question",
      "not_found",
      "answered",
    ]);
  });

  it("--jsonl writes exactly one line per input line: blank, whitespace-only, CRLF, no final newline", async () => {
    const t = io(["--jsonl"], "\n   \t\r\nWhat did Ushakov say?\r\n\r\n\u200B\nquotes by Syrskyi");
    expect(await runAsk(t.cli)).toBe(0);
    const lines = t.out().split("\n");
    expect(lines.pop()).toBe("");
    const answers = lines.map((l) => JSON.parse(l));
    expect(answers.map((a) => a.problem ?? a.status)).toEqual([
      "empty_question",
      "empty_question",
      "answered",
      "empty_question",
      "empty_question",
      "answered",
    ]);
    expect(answers[2].question).toBe("What did Ushakov say?");
  });

  it("--jsonl answers a line over the bound as question_too_long without holding it, and goes on", async () => {
    // 32 MB of one line, in chunks as a pipe delivers them, cut inside characters.
    const line = Buffer.from("😀".repeat(8 * 1024 * 1024));
    async function* input() {
      yield "What did Ushakov say?\n";
      for (let at = 0; at < line.length; at += 65_535) yield line.subarray(at, at + 65_535);
      yield "\nquotes by Syrskyi\n";
    }
    const t = io(["--jsonl"]);
    t.cli.stdin = Readable.from(input());
    expect(await runAsk(t.cli)).toBe(0);
    const lines = jsonLines(t.out());
    expect(lines.map((a) => a.problem ?? a.status)).toEqual([
      "answered",
      "question_too_long",
      "answered",
    ]);
    expect(lines[1].reason).toMatch(
      new RegExp(
        `^Line 2: Lines can be at most ${MAX_LINE_LENGTH} characters; this one has 16777216\\.`,
      ),
    );
    expect(lines[1].question).toBe(`${"😀".repeat(200)}…`);
    expect(t.err()).toMatch(/Line 2: Lines can be at most/);
  });

  it("--jsonl takes JSON lines with a follow-up context, and plain lines as before", async () => {
    const jsonl = async (input: string) => {
      const t = io(["--jsonl"], input);
      expect(await runAsk(t.cli)).toBe(0);
      return t
        .out()
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
    };
    const [first] = await jsonl("What did Putin say?\n");
    expect(first).toMatchObject({ status: "answered", speaker: "Vladimir Putin", moreQuotes: 1 });
    const seen = first.quotes.map(
      (q: { source: { articleId: string; paragraph: number }; start: number }) => ({
        articleId: q.source.articleId,
        paragraph: q.source.paragraph,
        start: q.start,
      }),
    );
    const followUp = {
      question: "what else did he say?",
      context: { speaker: "Vladimir Putin", seen },
    };

    const [alone, followed, speakerOnly, plain] = await jsonl(
      [
        "what else did he say?",
        JSON.stringify({ id: "q2", ...followUp }),
        JSON.stringify({
          question: "what else did he say?",
          context: { speaker: "Vladimir Putin" },
        }),
        '  {"question": "What did Putin say?"}  ',
      ].join("\n"),
    );
    // Without context "he" is nobody; with it, Putin's quote not yet seen.
    expect(alone.speaker).not.toBe("Vladimir Putin");
    expect(followed).toMatchObject({ status: "answered", speaker: "Vladimir Putin" });
    expect(followed.quotes).toHaveLength(1);
    const starts = (a: { quotes: { source: { paragraph: number }; start: number }[] }) =>
      a.quotes.map((q) => `${q.source.paragraph}:${q.start}`);
    expect(starts(first)).not.toContain(starts(followed)[0]);
    expect(speakerOnly.speaker).toBe("Vladimir Putin");
    expect(starts(speakerOnly)).toEqual(starts(first));
    expect(plain.quotes).toEqual(first.quotes);
  });

  it("--jsonl answers a bad JSON line with an invalid_question_line Answer and goes on", async () => {
    const t = io(
      ["--jsonl"],
      [
        '{"question": 5}',
        "{not json",
        '{"question": "What did Putin say?", "context": {"speakr": "Vladimir Putin"}}',
        '{"question": "x", "context": {"seen": [{"articleId": "a", "paragraph": 0, "start": 0}]}}',
        "quotes by Syrskyi",
      ].join("\n"),
    );
    expect(await runAsk(t.cli)).toBe(0);
    const lines = jsonLines(t.out());
    expect(lines.map((a) => a.problem ?? a.status)).toEqual([
      "invalid_question_line",
      "invalid_question_line",
      "invalid_question_line",
      "invalid_question_line",
      "answered",
    ]);
    for (const bad of lines.slice(0, 4)) {
      expect(bad).toMatchObject({ status: "not_found", quotes: [], speaker: null, moreQuotes: 0 });
    }
    expect(lines[0].reason).toMatch(/^Line 1: Not a question line \(question: .*expected string/i);
    expect(lines[1].reason).toMatch(/^Line 2: Not valid JSON/);
    expect(lines[1].question).toBe("{not json");
    expect(lines[2].reason).toMatch(/^Line 3: .*context.*speakr/);
    expect(lines[3].reason).toMatch(/^Line 4: .*context\.seen\.0\.paragraph/);
    expect(t.err()).toMatch(/Line 2: Not valid JSON/);
  });

  it("--jsonl reads a line as long as twice MAX_QUESTION_LENGTH when that is above the bound", async () => {
    const question = "word ".repeat(14_000).trim();
    const t = io(["--jsonl"], `${question}\n${JSON.stringify({ question })}\n`, {
      MAX_QUESTION_LENGTH: "100000",
    });
    expect(await runAsk(t.cli)).toBe(0);
    const lines = jsonLines(t.out());
    expect(lines).toHaveLength(2);
    for (const answer of lines) expect(answer.problem).toBeUndefined();
  });

  it("--jsonl echoes a bad line without bidi controls and cut by code points", async () => {
    const t = io(["--jsonl"], `{\u202E${"😀".repeat(300)}\n`);
    expect(await runAsk(t.cli)).toBe(0);
    const [bad] = jsonLines(t.out());
    expect(bad.problem).toBe("invalid_question_line");
    expect(bad.question).toBe(`{${"😀".repeat(199)}…`);
  });

  it("--json prints the Answer for a blank question, and exits 2", async () => {
    for (const blank of ["   ", "", "\u200B"]) {
      const t = io(["--json", blank]);
      expect(await runAsk(t.cli)).toBe(2);
      expect(JSON.parse(t.out())).toMatchObject({ problem: "empty_question", quotes: [] });
      expect(t.err()).toMatch(/empty/);
    }
    const none = io(["--json"]);
    expect(await runAsk(none.cli)).toBe(2);
    expect(none.err()).toMatch(/Please give a question/);
  });

  it("takes a question that starts with a dash after --, and says how in the usage", async () => {
    const t = io(["--json", "--", "-x What did Ushakov say?"]);
    expect(await runAsk(t.cli)).toBe(0);
    expect(JSON.parse(t.out()).question).toBe("-x What did Ushakov say?");
    expect(ASK_USAGE).toContain('-- "-a question that starts with a dash"');
  });

  it.each([
    [[""], /Please give a question/],
    [["   "], /Please give a question/],
    [["x".repeat(1001)], /at most 1000 characters; this one has 1001/],
    [["--bogus", "q"], /Unknown option/],
  ])("exits 2 on bad usage %#", async (argv, message) => {
    const t = io(argv);
    expect(await runAsk(t.cli)).toBe(2);
    expect(t.err()).toMatch(message);
  });

  it("exits 1 with a clear message when the corpus cannot load", async () => {
    const t = io(["What did Ushakov say?"], "", { CORPUS_DIR: "/nonexistent/corpus" });
    expect(await runAsk(t.cli)).toBe(1);
    expect(t.err()).toMatch(/corpus folder \/nonexistent\/corpus does not exist/);
  });

  it("exits 2 naming the variable when the configuration is bad", async () => {
    const t = io(["What did Ushakov say?"], "", { MAX_QUOTES: "lots" });
    expect(await runAsk(t.cli)).toBe(2);
    expect(t.err()).toMatch(/MAX_QUOTES: must be a whole number/);
  });

  it("keeps stdout clean JSON in a real process, logs on stderr", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "src/cli/ask-main.ts", "--json", "What did Lavrov say?"],
      { cwd: ROOT, env: { ...process.env, CORPUS_DIR, LOG_LEVEL: "debug" } },
    );
    expect(JSON.parse(stdout).speaker).toBe("Sergey Lavrov");
  });
});

describe("npm run corpus -- list", () => {
  it("--json prints the articles with id, title, publisher, url", async () => {
    const t = io(["list", "--json"]);
    expect(await runCorpus(t.cli)).toBe(0);
    const [article] = JSON.parse(t.out());
    expect(article).toMatchObject({
      id: "kursk-negotiation-landscape",
      publisher: "UAWire",
      paragraphs: 30,
    });
    expect(article.url).toMatch(/^https:\/\/uawire\.org\//);
    expect(article.speakers).toContain("Yuri Ushakov");
  });

  it("prints a readable list with the people quoted", async () => {
    const t = io(["list"]);
    expect(await runCorpus(t.cli)).toBe(0);
    expect(t.out()).toMatch(/kursk-negotiation-landscape\n {2}From defensive/);
    expect(t.out()).toMatch(/quotes: .*Yuri Ushakov/);
  });

  it("pages the list: --page and --per-page, the note saying how to go on, and --all", async () => {
    const dev = { CORPUS_DIR: join(ROOT, "test/fixtures/dev-corpus/articles") };
    const all = io(["list", "--json", "--all"], "", dev);
    expect(await runCorpus(all.cli)).toBe(0);
    const ids = (JSON.parse(all.out()) as { id: string }[]).map((a) => a.id);
    expect(ids.length).toBeGreaterThan(20);
    expect(all.err()).toBe("");

    const second = io(["list", "--page", "2", "--per-page", "10"], "", dev);
    expect(await runCorpus(second.cli)).toBe(0);
    const listed = ids.filter((id) => new RegExp(`^${id}$`, "m").test(second.out()));
    expect(listed).toEqual(ids.slice(10, 20));
    expect(second.out()).toContain(
      `Articles 11–20 of ${ids.length} (page 2 of ${Math.ceil(ids.length / 10)}); next: npm run corpus -- list --page 3 --per-page 10; every article: --all`,
    );

    // With --json, stdout stays one JSON array and the note goes to stderr.
    const json = io(["list", "--json", "--per-page", "5"], "", dev);
    expect(await runCorpus(json.cli)).toBe(0);
    expect((JSON.parse(json.out()) as { id: string }[]).map((a) => a.id)).toEqual(ids.slice(0, 5));
    expect(json.err()).toContain("--page 2 --per-page 5");
  });

  it("exits 2 on a page that is not a whole number from 1", async () => {
    for (const argv of [
      ["list", "--page", "0"],
      ["list", "--per-page", "ten"],
    ]) {
      const t = io(argv);
      expect(await runCorpus(t.cli)).toBe(2);
      expect(t.err()).toMatch(/takes a whole number from 1 up/);
    }
  });

  it("exits 2 on an unknown command", async () => {
    const t = io(["frobnicate"]);
    expect(await runCorpus(t.cli)).toBe(2);
    expect(t.err()).toMatch(/Unknown command "frobnicate"/);
  });
});

describe("npm run corpus -- speakers", () => {
  it("--json prints every statement of the speaker index, as engine.statements()", async () => {
    const t = io(["speakers", "--json"]);
    expect(await runCorpus(t.cli)).toBe(0);
    const statements = JSON.parse(t.out());
    expect(statements).toEqual(seedEngine().statements());
    expect(statements).toContainEqual(
      expect.objectContaining({
        articleId: "kursk-negotiation-landscape",
        paragraph: 13,
        speaker: "Yuri Ushakov",
        kind: "person",
        role: "Russian presidential aide for foreign policy",
        cue: "maintained",
      }),
    );
    for (const s of statements) {
      expect(seedArticle().paragraphs[s.paragraph - 1]).toContain(s.text);
    }
  });

  it("prints the statements grouped by article, one line each, sentences trimmed", async () => {
    const t = io(["speakers"]);
    expect(await runCorpus(t.cli)).toBe(0);
    const count = seedEngine().statements().length;
    expect(t.out()).toMatch(new RegExp(`^kursk-negotiation-landscape · ${count} statements\n`));
    expect(t.out()).toContain(
      "  ¶13.1  Yuri Ushakov (Russian presidential aide for foreign policy) · maintained\n" +
        "      The Russian presidential aide for foreign policy, Yuri Ushakov, maintained that",
    );
    expect(t.out()).toMatch(
      /Center for Counteracting Disinformation \[organization\] · according to/,
    );
    const sentences = t
      .out()
      .split("\n")
      .filter((l) => l.startsWith("      "));
    expect(sentences).toHaveLength(count);
    for (const line of sentences) expect(line.trim().length).toBeLessThanOrEqual(120);
    expect(t.out().trimEnd()).toMatch(/\n\n\d+ statements by \d+ speakers in 1 article$/);
  });

  it("--help shows the usage with speakers in it", async () => {
    const t = io(["speakers", "--help"]);
    expect(await runCorpus(t.cli)).toBe(0);
    expect(t.out()).toMatch(/^Usage: npm run corpus -- speakers \[--json\]\n\nEvery statement/);
  });
});

/** Each line of a `--jsonl` run's output, parsed. */
// biome-ignore lint/suspicious/noExplicitAny: an Answer as JSON, asserted field by field
function jsonLines(out: string): any[] {
  return out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}
