import { parseArgs } from "node:util";
import { type Answer, type QuestionProblem, refusedAnswer } from "../answer/answer.ts";
import { renderAnswerPlain } from "../answer/render-plain-text.ts";
import { AppError } from "../errors.ts";
import { cutCodePoints } from "../text/cut-code-points.ts";
import { stripInvisible } from "../text/normalize.ts";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, write } from "./cli-io.ts";
import { explainArgsError } from "./explain-args-error.ts";
import { parseQuestionLine } from "./parse-question-line.ts";
import { readBoundedLines } from "./read-bounded-lines.ts";
import { setupEngine } from "./setup-engine.ts";

/**
 * Longest --jsonl line read, in characters, unless twice MAX_QUESTION_LENGTH is longer (room
 * for the question with its JSON and context): small enough that a line without end costs
 * no memory to speak of.
 */
export const MAX_LINE_LENGTH = 65_536;

export const ASK_USAGE = `Usage: npm run ask -- [--json] "question"
       npm run ask -- [--json] -- "-a question that starts with a dash"
       npm run ask -- --jsonl < questions.txt   (one question per line, one Answer JSON per line)

  --json      the Answer as one JSON object
  --jsonl     questions from stdin, one per line; one Answer JSON line each
  -h, --help  this text

With --jsonl a line is either the question as plain text, or a JSON object for a follow-up:
  {"question": "what else did he say?", "context": {"speaker": "Sergey Lavrov",
   "seen": [{"articleId": "...", "paragraph": 4, "start": 0}]}}
(context and its fields are optional; other top-level fields such as "id" are ignored).
Every input line gets exactly one output line, a blank one too ("problem": "empty_question").
A line that is not a valid question line gets a not_found Answer with
"problem": "invalid_question_line" and a reason, one longer than ${MAX_LINE_LENGTH} characters
(or twice MAX_QUESTION_LENGTH, if more) "problem": "question_too_long", and the run goes on.`;

/** Longest part of a bad line echoed back in its Answer, in code points. */
const ECHO_LIMIT = 200;

/** The Answer for a --jsonl line that could not be read: says which line and why. */
function badLine(line: string, lineNumber: number, why: string, problem: QuestionProblem): Answer {
  const text = stripInvisible(line).trim();
  const echo = cutCodePoints(text, ECHO_LIMIT);
  const reason = `Line ${lineNumber}: ${why}`;
  return refusedAnswer(echo.length < text.length ? `${echo}…` : text, problem, reason);
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
    await write(io.stderr, `${explainArgsError(error)}\n\n${ASK_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (values.help) {
    await write(io.stdout, `${ASK_USAGE}\n`);
    return EXIT_OK;
  }
  const question = positionals.join(" ");
  // With --json a blank question still gets its Answer (empty_question), as a script expects.
  if (!values.jsonl && (positionals.length === 0 || (!values.json && question.trim() === ""))) {
    await write(io.stderr, `Please give a question.\n\n${ASK_USAGE}\n`);
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
  // The engine holds what it answers from; a database connection is not needed after.
  await setup.stores.close();

  if (values.jsonl) {
    let lineNumber = 0;
    const lineLimit = Math.max(MAX_LINE_LENGTH, 2 * engine.maxQuestionLength);
    for await (const line of readBoundedLines(io.stdin, lineLimit)) {
      lineNumber += 1;
      const parsed = line.overLong ? null : parseQuestionLine(line.text);
      let answer: Answer;
      if (parsed?.ok) {
        answer = await engine.ask(parsed.question, { context: parsed.context });
      } else {
        answer = parsed
          ? badLine(line.text, lineNumber, parsed.reason, "invalid_question_line")
          : badLine(
              line.text,
              lineNumber,
              `Lines can be at most ${lineLimit} characters; this one has ${line.length}.`,
              "question_too_long",
            );
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
