import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { renderAnswerPlain } from "../answer/render-plain-text.ts";
import type { Engine, SeenQuote } from "../engine/engine.ts";
import type { Logger } from "../log/logger.ts";
import { write } from "./cli-io.ts";

/**
 * The terminal face: one question per line, the answer below it. Remembers the last
 * speaker and the quotes shown, so "what else did he say?" works as in chat.
 */
export async function runChat(
  engine: Engine,
  input: Readable,
  output: Writable,
  logger: Logger,
  prompt = true,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  let speaker: string | null = null;
  let seen: SeenQuote[] = [];
  const ask = async () => {
    if (prompt) await write(output, "\n> ");
  };
  await ask();
  for await (const line of lines) {
    const question = line.trim();
    if (question === "") {
      await ask();
      continue;
    }
    if (/^(exit|quit|\/quit|\/exit)$/i.test(question)) break;
    try {
      const answer = await engine.ask(question, { context: { speaker, seen } });
      await write(output, `${renderAnswerPlain(answer, { followUps: true })}\n`);
      if (answer.status === "answered") {
        if (answer.speaker !== speaker) seen = [];
        speaker = answer.speaker;
        seen = [
          ...seen,
          ...answer.quotes.map((q) => ({
            articleId: q.source.articleId,
            paragraph: q.source.paragraph,
            start: q.start,
          })),
        ];
      }
    } catch (error) {
      // The one catch of this face: say it briefly, log the detail, keep reading.
      logger.error({ err: error }, "question failed");
      await write(output, "Sorry, something went wrong answering that. Please try again.\n");
    }
    await ask();
  }
}
