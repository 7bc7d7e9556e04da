import { parseArgs } from "node:util";
import { AppError } from "../errors.ts";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, write } from "./cli-io.ts";
import { CORPUS_COMMANDS, CORPUS_USAGE } from "./corpus-commands.ts";
import { explainArgsError } from "./explain-args-error.ts";
import { formatStatements } from "./format-statements.ts";
import { listArticles, parseListRequest } from "./list-articles.ts";
import { runCorpusAdmin } from "./run-corpus-admin.ts";
import { setupEngine } from "./setup-engine.ts";

export { CORPUS_USAGE };

async function usageError(io: CliIo, problem: string, usage: string): Promise<number> {
  await write(io.stderr, `${problem}\n\n${usage}\n`);
  return EXIT_USAGE;
}

/**
 * `npm run corpus -- <command>`: `list` and `speakers` read what the engine answers from;
 * the moderators' commands (add, remove, refresh, sources, log) are in run-corpus-admin.
 * `--help` on any command, and `help [command]`, print its usage to stdout (exit 0); a
 * wrong option or argument names itself and prints the usage to stderr (exit 2).
 */
export async function runCorpus(io: CliIo): Promise<number> {
  // The command is the first word that is not an option, so `--json list` works too.
  const at = io.argv.findIndex((a) => !a.startsWith("-"));
  const command = at === -1 ? undefined : io.argv[at]!;
  const rest = at === -1 ? io.argv : [...io.argv.slice(0, at), ...io.argv.slice(at + 1)];
  if (command === undefined || command === "help") {
    const asked = command === "help" ? rest.find((a) => !a.startsWith("-")) : undefined;
    if (asked !== undefined) {
      const spec = CORPUS_COMMANDS[asked];
      if (!spec) return usageError(io, `Unknown command "${asked}".`, CORPUS_USAGE);
      await write(io.stdout, `${spec.usage}\n`);
      return EXIT_OK;
    }
    if (command === "help" || rest.includes("--help") || rest.includes("-h")) {
      await write(io.stdout, `${CORPUS_USAGE}\n`);
      return EXIT_OK;
    }
    const unknown = rest.find((a) => a !== "--");
    return usageError(
      io,
      unknown ? `Unknown option ${unknown}, and no command.` : "Missing command.",
      CORPUS_USAGE,
    );
  }
  const spec = Object.hasOwn(CORPUS_COMMANDS, command) ? CORPUS_COMMANDS[command] : undefined;
  if (!spec) return usageError(io, `Unknown command "${command}".`, CORPUS_USAGE);
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: spec.options,
      allowPositionals: true,
    }) as { values: Record<string, string | boolean | undefined>; positionals: string[] });
  } catch (error) {
    return usageError(io, explainArgsError(error), spec.usage);
  }
  if (values.help) {
    await write(io.stdout, `${spec.usage}\n`);
    return EXIT_OK;
  }
  if (spec.argument !== null && positionals.length === 0) {
    return usageError(io, `"${command}" needs ${spec.argument}.`, spec.usage);
  }
  const allowed = spec.argument === null ? 0 : 1;
  if (positionals.length > allowed) {
    const extra = positionals[allowed];
    return usageError(
      io,
      `"${command}" takes ${allowed === 0 ? "no argument" : `one argument, ${spec.argument}`}; "${extra}" is one too many.`,
      spec.usage,
    );
  }
  if (command !== "list" && command !== "speakers") {
    return runCorpusAdmin(io, { command, argument: positionals[0] ?? "", values }, spec.usage);
  }
  const request = parseListRequest(values as Parameters<typeof parseListRequest>[0]);
  if (typeof request === "string") return usageError(io, request, spec.usage);
  try {
    const { engine, stores } = await setupEngine(io.env);
    await stores.close();
    const json = values.json === true;
    if (command === "speakers") {
      const statements = engine.statements();
      await write(
        io.stdout,
        json ? `${JSON.stringify(statements, null, 2)}\n` : `${formatStatements(statements)}\n`,
      );
      return EXIT_OK;
    }
    const listing = listArticles(engine.articles(), request);
    await write(io.stdout, `${json ? listing.json : listing.text}\n`);
    // With --json the note goes to stderr, so stdout stays one JSON array.
    if (listing.note !== null) {
      await write(json ? io.stderr : io.stdout, json ? `${listing.note}\n` : `\n${listing.note}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await write(io.stderr, `${error.message}\n`);
    return error.code === "CONFIG_INVALID" ? EXIT_USAGE : EXIT_FAILURE;
  }
}
