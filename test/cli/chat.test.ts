import { execFile } from "node:child_process";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runChat, SILENT_LOGGER } from "../../src/index.ts";
import { CORPUS_DIR, ROOT, seedEngine } from "../support/seed-engine.ts";

async function chat(lines: string[]): Promise<string> {
  const output = new PassThrough();
  let text = "";
  output.on("data", (c) => (text += c));
  await runChat(
    seedEngine(),
    Readable.from([`${lines.join("\n")}\n`]),
    output,
    SILENT_LOGGER,
    false,
  );
  return text;
}

describe("the terminal chat", () => {
  it("answers help, ? and sources itself, not with a quote", async () => {
    const text = await chat(["help", "?", "/help", "sources"]);
    expect(text.match(/Ask a question about the articles/g)).toHaveLength(3);
    expect(text).toContain("Commands: help (this), sources [page] (the articles), exit.");
    expect(text).toContain("Yuri Ushakov");
    expect(text).toContain("“From defensive to offensive");
    expect(text).toContain("https://uawire.org/");
    expect(text).not.toMatch(/^1\. /m);
  });

  it("answers one question per line and follows up on the last speaker", async () => {
    const text = await chat([
      "What did Podolyak say?",
      "",
      "what else did he say?",
      "what else did he say?",
    ]);
    const blocks = text.split(/\n(?=1\. |That is everything)/);
    expect(blocks[0]).toContain("Mykhailo Podolyak");
    expect(blocks[1]).toMatch(/^1\. Mykhailo Podolyak/);
    // Every quote of his, across the pages: his own words first, reported speech after.
    expect(text).toContain("Yermak’s advisor said");
    expect(text).toContain("That is everything the articles quote from Mykhailo Podolyak.");
  });

  it("offers “what else?” for a speaker's remaining quotes, which it can follow up", async () => {
    const text = await chat(["What did Putin say?", "negotiations"]);
    expect(text).toContain('(1 more quote: ask "what else?")');
    // A topic has no speaker to follow: the chat does not promise what it cannot do.
    expect(text).toMatch(/\(\d+ more quotes: ask a narrower question\)/);
    expect(text.match(/what else/g)).toHaveLength(1);
  });

  it("keeps serving after a failing question", async () => {
    const output = new PassThrough();
    let text = "";
    output.on("data", (c) => (text += c));
    const engine = seedEngine();
    let calls = 0;
    const flaky = {
      ...engine,
      ask: async (q: string, o?: Parameters<typeof engine.ask>[1]) =>
        ++calls === 1 ? Promise.reject(new Error("boom")) : engine.ask(q, o),
    };
    await runChat(
      flaky,
      Readable.from(["first\nWhat did Ushakov say?\n"]),
      output,
      SILENT_LOGGER,
      false,
    );
    expect(text).toContain("Sorry, something went wrong");
    expect(text).toContain("Yuri Ushakov");
  });

  it("npm start without platform tokens names the variables, then chats on stdin", async () => {
    const child = execFile(process.execPath, ["--import", "tsx", "bin/start.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        CORPUS_DIR,
        LOG_LEVEL: "silent",
        TELEGRAM_BOT_TOKEN: "",
        DISCORD_BOT_TOKEN: "",
        OPENAI_MODEL: "",
      },
    });
    let out = "";
    let err = "";
    child.stdout?.on("data", (c) => (out += c));
    child.stderr?.on("data", (c) => (err += c));
    child.stdin?.end("What did Ushakov say?\n");
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(err).toMatch(/TELEGRAM_BOT_TOKEN.*DISCORD_BOT_TOKEN/s);
    expect(out).toContain("Yuri Ushakov");
  });
});
