import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { renderAnswerPlain } from "../answer/render-plain-text.ts";
import type { Engine, SeenQuote } from "../engine/engine.ts";
import { pageOf } from "../engine/page-of.ts";
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
    if (/^\/?(exit|quit)$/i.test(question)) break;
    if (/^(\/?help|\?)$/i.test(question)) {
      await write(output, `${chatHelp(engine)}\n`);
      await ask();
      continue;
    }
    const sources = /^\/?sources(?:\s+(\d{1,9}))?$/i.exec(question);
    if (sources) {
      await write(output, `${chatSources(engine, Number(sources[1] ?? 1))}\n`);
      await ask();
      continue;
    }
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
  // Ending the loop is not enough: a terminal's stdin keeps the process alive until it is
  // let go ("exit" used to wait for Ctrl-D).
  lines.close();
  input.pause();
  if ("unref" in input && typeof input.unref === "function") input.unref();
}

/** What `help` shows: how to ask, who is quoted, the commands. */
export function chatHelp(engine: Engine): string {
  return [
    "Ask a question about the articles, one per line. For example:",
    "  What did <a person> say?        What did <a person> say about <a topic>?",
    "  Who said <a few words of a quote>?        How many <something> …?",
    'After an answer about a person, "what else did he say?" shows more of their quotes.',
    "",
    engine.describeCorpus(),
    "",
    "Commands: help (this), sources [page] (the articles), exit.",
  ].join("\n");
}

/** Articles per page of the chat's `sources`. */
export const CHAT_SOURCES_PER_PAGE = 20;

/** What `sources [page]` shows: a page of the articles with publisher, date and link. */
export function chatSources(engine: Engine, page = 1): string {
  const shown = pageOf(engine.articles(), page, CHAT_SOURCES_PER_PAGE);
  const lines = shown.items.map(
    (a) => `- “${a.title}” (${a.publisher}${a.published ? `, ${a.published}` : ""}) ${a.url}`,
  );
  if (shown.pages > 1) {
    const next = shown.page < shown.pages ? `; "sources ${shown.page + 1}" for the next` : "";
    lines.push(`(page ${shown.page} of ${shown.pages}, ${shown.total} articles${next})`);
  }
  return lines.join("\n");
}
