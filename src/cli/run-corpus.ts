import { parseArgs } from "node:util";
import { AppError } from "../errors.ts";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, write } from "./cli-io.ts";
import { formatStatements } from "./format-statements.ts";
import { LIST_PER_PAGE, listArticles, parseListRequest } from "./list-articles.ts";
import { CORPUS_ADMIN_COMMANDS, CORPUS_ADMIN_USAGE, runCorpusAdmin } from "./run-corpus-admin.ts";
import { setupEngine } from "./setup-engine.ts";

export const CORPUS_USAGE = `Usage: npm run corpus -- list [--json]     the articles, and the people each quotes,
                  [--page N] [--per-page M] [--all]  ${LIST_PER_PAGE} to a page unless told otherwise
       npm run corpus -- speakers [--json]  every statement the speaker index holds, by
                                           article: ¶paragraph.sentence, speaker (role), cue
${CORPUS_ADMIN_USAGE}`;

/**
 * `npm run corpus -- list [--json]`: the articles the engine answers from.
 * `npm run corpus -- speakers [--json]`: every attributed sentence, to audit attribution.
 */
export async function runCorpus(io: CliIo): Promise<number> {
  const first = io.argv.find((a) => !a.startsWith("-"));
  if ((CORPUS_ADMIN_COMMANDS as readonly string[]).includes(first ?? "")) return runCorpusAdmin(io);
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        json: { type: "boolean" };
        help: { type: "boolean"; short: "h" };
        page: { type: "string" };
        "per-page": { type: "string" };
        all: { type: "boolean" };
      };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: io.argv,
      options: {
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        page: { type: "string" },
        "per-page": { type: "string" },
        all: { type: "boolean" },
      },
      allowPositionals: true,
    });
  } catch (error) {
    await write(io.stderr, `${(error as Error).message}\n${CORPUS_USAGE}\n`);
    return EXIT_USAGE;
  }
  const [command] = parsed.positionals;
  if (parsed.values.help) {
    await write(io.stdout, `${CORPUS_USAGE}\n`);
    return EXIT_OK;
  }
  if (command !== "list" && command !== "speakers") {
    await write(
      io.stderr,
      `${command ? `Unknown command "${command}".` : "Missing command."}\n${CORPUS_USAGE}\n`,
    );
    return EXIT_USAGE;
  }
  const request = parseListRequest(parsed.values);
  if (typeof request === "string") {
    await write(io.stderr, `${request}\n${CORPUS_USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    const { engine } = await setupEngine(io.env);
    const json = parsed.values.json ?? false;
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
