import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Answer } from "../answer/answer.ts";
import { renderAnswerPlain } from "../answer/render-plain-text.ts";
import { AppError } from "../errors.ts";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, write } from "./cli-io.ts";
import { parseQuestionLine } from "./parse-question-line.ts";
import { setupEngine } from "./setup-engine.ts";

export const ASK_USAGE = `Usage: npm run ask -- [--json] "question"
       npm run ask -- --jsonl < questions.txt   (one question per line, one Answer JSON per line)

With --jsonl a line is either the question as plain text, or a JSON object for a follow-up:
  {"question": "what else did he say?", "context": {"speaker": "Sergey Lavrov",
   "seen": [{"articleId": "...", "paragraph": 4, "start": 0}]}}
(context and its fields are optional; other top-level fields such as "id" are ignored).
A line that is not a valid question line gets a not_found Answer with
"problem": "invalid_question_line" and a reason, and the run goes on.`;

/** Longest part of a bad line echoed back in its Answer. */
const ECHO_LIMIT = 200;

/** The Answer for a --jsonl line that could not be read: says which line and why. */
function invalidLine(line: string, lineNumber: number, why: string): Answer {
  const text = line.trim();
  const reason = `Line ${lineNumber}: ${why}`;
  return {
    status: "not_found",
    question: text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text,
    text: reason,
    reason,
    quotes: [],
    mode: "extractive",
    problem: "invalid_question_line",
    speaker: null,
    moreQuotes: 0,
  };
}

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
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === "") continue;
      const parsed = parseQuestionLine(line);
      let answer: Answer;
      if (parsed.ok) {
        answer = await engine.ask(parsed.question, { context: parsed.context });
      } else {
        answer = invalidLine(line, lineNumber, parsed.reason);
        await write(io.stderr, `${answer.reason}\n`);
      }
      await write(io.stdout, `${JSON.stringify(answer)}\n`);
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
