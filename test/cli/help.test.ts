import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CORPUS_COMMANDS } from "../../src/cli/corpus-commands.ts";
import { runAsk } from "../../src/cli/run-ask.ts";
import { runCorpus } from "../../src/cli/run-corpus.ts";
import { ROOT } from "../support/seed-engine.ts";
import { fakeIo } from "./cli-io-fake.ts";

/** Env of a newcomer's shell: no tokens, nothing configured (help must not need any). */
const ENV = { LOG_LEVEL: "silent", DATA_DIR: "/nonexistent/help-test-data" };

async function corpus(...argv: string[]) {
  const io = fakeIo(argv, ENV);
  const code = await runCorpus(io);
  return { code, out: io.out(), err: io.err() };
}

function spawnCli(file: string, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", file, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, ...ENV }, timeout: 60_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

describe("every command's --help", () => {
  it.each([
    ["npm run ask", "src/cli/ask-main.ts"],
    ["npm run corpus", "src/cli/corpus-main.ts"],
    ["npm run eval", "src/cli/eval-main.ts"],
    ["npm run bench", "bench/run.ts"],
    ["npm start", "bin/start.ts"],
    ["npm run discord:register", "bin/discord-register.ts"],
  ])(
    "%s: --help and -h print the usage and exit 0; an unknown option is named, with the usage, exit 2",
    async (_name, file) => {
      const [help, short, bad] = await Promise.all([
        spawnCli(file, ["--help"]),
        spawnCli(file, ["-h"]),
        spawnCli(file, ["--bogus"]),
      ]);
      expect(help, help.stderr).toMatchObject({ code: 0, stderr: "" });
      expect(help.stdout).toMatch(/^Usage: /);
      expect(short).toEqual(help);
      expect(bad.code).toBe(2);
      expect(bad.stdout).toBe("");
      expect(bad.stderr).toMatch(/^Unknown option --bogus\b[^\n]*\n\nUsage: /);
    },
    90_000,
  );
});

describe("npm run corpus -- <command> --help", () => {
  const commands = Object.keys(CORPUS_COMMANDS);

  it("has a usage for every command, each starting with Usage:", () => {
    expect(commands).toEqual([
      "list",
      "speakers",
      "add",
      "remove",
      "refresh",
      "sources",
      "log",
      "migrate-store",
    ]);
  });

  it.each(commands)(
    "%s: --help, -h and `help %s` print its usage on stdout, exit 0",
    async (name) => {
      const help = await corpus(name, "--help");
      expect(help).toMatchObject({ code: 0, err: "" });
      expect(help.out).toMatch(new RegExp(`^Usage: npm run corpus -- ${name}\\b`));
      expect(await corpus(name, "-h")).toEqual(help);
      expect(await corpus("help", name)).toEqual(help);
    },
  );

  it.each(commands)("%s: an unknown option is named once, then its usage, exit 2", async (name) => {
    const bad = await corpus(name, "--frobnicate");
    expect(bad.code).toBe(2);
    expect(bad.out).toBe("");
    expect(bad.err).toBe(`Unknown option --frobnicate.\n\n${CORPUS_COMMANDS[name]!.usage}\n`);
  });

  it("`corpus help`, `corpus --help` and `corpus -h` list the commands", async () => {
    const help = await corpus("help");
    expect(help).toMatchObject({ code: 0, err: "" });
    expect(help.out).toMatch(/^Usage: npm run corpus -- <command> \[options\]\n\nCommands:\n/);
    for (const name of commands) expect(help.out).toContain(`\n  ${name}`);
    expect(await corpus("--help")).toEqual(help);
    expect(await corpus("-h")).toEqual(help);
  });

  it("says what is wrong in one sentence, without node's half-quoted hint", async () => {
    const add = await corpus("add", "--help-me");
    expect(add.err).toMatch(/^Unknown option --help-me\.\n\nUsage: npm run corpus -- add /);
    expect(add.err).not.toContain("as in");
    const limit = await corpus("log", "--limit");
    expect(limit).toMatchObject({ code: 2 });
    expect(limit.err).toMatch(/^Option --limit needs a value\.\n\nUsage: npm run corpus -- log/);
    const json = await corpus("list", "--json=yes");
    expect(json.err).toMatch(/^Option --json takes no value\.\n\n/);
    const extra = await corpus("refresh", "now");
    expect(extra.err).toMatch(/^"refresh" takes no argument; "now" is one too many\.\n\n/);
    const missing = await corpus();
    expect(missing).toMatchObject({ code: 2, out: "" });
    expect(missing.err).toMatch(/^Missing command\.\n\nUsage: npm run corpus -- <command>/);
    const unknown = await corpus("help", "frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Unknown command "frobnicate"\.\n\nUsage: /);
  });
});

describe("npm run ask -- --help", () => {
  it("prints the usage with the options; an unknown option is named", async () => {
    const help = fakeIo(["--help"], ENV);
    expect(await runAsk(help)).toBe(0);
    expect(help.out()).toMatch(/^Usage: npm run ask -- \[--json\] "question"/);
    expect(help.out()).toContain("--jsonl");
    const bad = fakeIo(["-x", "what did he say?"], ENV);
    expect(await runAsk(bad)).toBe(2);
    expect(bad.err()).toMatch(/^Unknown option -x\.\n\nUsage: npm run ask/);
    // The usage itself says how to ask a question that starts with a dash.
    expect(bad.err()).toContain('-- "-a question that starts with a dash"');
  });
});
