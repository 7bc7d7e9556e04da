import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { renderAnswerPlain } from "../answer/render-plain-text.ts";
import { AppError } from "../errors.ts";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, write } from "./cli-io.ts";
import { setupEngine } from "./setup-engine.ts";

export const ASK_USAGE = `Usage: npm run ask -- [--json] "question"
       npm run ask -- --jsonl < questions.txt   (one question per line, one Answer JSON per line)`;

/**
 * `npm run ask`: one question in, a quoted and sourced answer out (or the Answer as JSON).
 * Exit 0 for answered or not_found, 2 for bad usage, 1 when the corpus cannot load.
 */
export async function runAsk(io: CliIo): Promise<number> {
  let values: { json?: boolean; jsonl?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: io.argv,
      options: {
        json: { type: "boolean" },
        jsonl: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    }));
  } catch (error) {
    await write(io.stderr, `${(error as Error).message}\n${ASK_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (values.help) {
    await write(io.stdout, `${ASK_USAGE}\n`);
    return EXIT_OK;
  }
  const question = positionals.join(" ");
  if (!values.jsonl && question.trim() === "") {
    await write(io.stderr, `Please give a question.\n${ASK_USAGE}\n`);
    return EXIT_USAGE;
  }

  let setup: Awaited<ReturnType<typeof setupEngine>>;
  try {
    setup = await setupEngine(io.env);
  } catch (error) {
    if (error instanceof AppError) {
      await write(io.stderr, `${error.message}\n`);
      return error.code === "CONFIG_INVALID" ? EXIT_USAGE : EXIT_FAILURE;
    }
    throw error;
  }
  const { engine } = setup;

  if (values.jsonl) {
    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line.trim() === "") continue;
      await write(io.stdout, `${JSON.stringify(await engine.ask(line))}\n`);
    }
    return EXIT_OK;
  }

  const answer = await engine.ask(question);
  if (answer.problem) {
    await write(io.stderr, `${answer.reason}\n`);
    if (values.json) await write(io.stdout, `${JSON.stringify(answer)}\n`);
    return EXIT_USAGE;
  }
  await write(
    io.stdout,
    values.json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderAnswerPlain(answer)}\n`,
  );
  return EXIT_OK;
}
