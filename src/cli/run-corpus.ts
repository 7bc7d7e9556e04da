import { parseArgs } from "node:util";
import type { ArticleSummary } from "../engine/engine.ts";
import { AppError } from "../errors.ts";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, write } from "./cli-io.ts";
import { formatStatements } from "./format-statements.ts";
import { CORPUS_ADMIN_COMMANDS, CORPUS_ADMIN_USAGE, runCorpusAdmin } from "./run-corpus-admin.ts";
import { setupEngine } from "./setup-engine.ts";

export const CORPUS_USAGE = `Usage: npm run corpus -- list [--json]     the articles, and the people each quotes
       npm run corpus -- speakers [--json]  every statement the speaker index holds, by
                                           article: ¶paragraph.sentence, speaker (role), cue
${CORPUS_ADMIN_USAGE}`;

function formatList(articles: readonly ArticleSummary[]): string {
  return articles
    .map((a) =>
      [
        `${a.id}`,
        `  ${a.title}`,
        `  ${a.publisher}${a.published ? ` · ${a.published}` : ""} · ${a.paragraphs} paragraphs · ${a.url}`,
        `  quotes: ${a.speakers.length > 0 ? a.speakers.join(", ") : "nobody"}`,
      ].join("\n"),
    )
    .join("\n\n");
}

/**
 * `npm run corpus -- list [--json]`: the articles the engine answers from.
 * `npm run corpus -- speakers [--json]`: every attributed sentence, to audit attribution.
 */
export async function runCorpus(io: CliIo): Promise<number> {
  const first = io.argv.find((a) => !a.startsWith("-"));
  if ((CORPUS_ADMIN_COMMANDS as readonly string[]).includes(first ?? "")) return runCorpusAdmin(io);
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { json: { type: "boolean" }; help: { type: "boolean"; short: "h" } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: io.argv,
      options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
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
    const articles = engine.articles();
    await write(
      io.stdout,
      json ? `${JSON.stringify(articles, null, 2)}\n` : `${formatList(articles)}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await write(io.stderr, `${error.message}\n`);
    return error.code === "CONFIG_INVALID" ? EXIT_USAGE : EXIT_FAILURE;
  }
}
