import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { renderAnswerEmbeds } from "../../adapters/discord/render-answer-embeds.ts";
import { renderAnswerHtml } from "../../adapters/telegram/render-answer-html.ts";
import { runAsk } from "../../src/cli/run-ask.ts";
import { type Answer, renderAnswerPlain } from "../../src/index.ts";
import {
  limitViolations,
  markupViolations,
  toWire,
  visibleText,
} from "../discord/discord-message-checks.ts";
import { CORPUS_DIR, quotesAreVerbatim, seedArticle, seedEngine } from "../support/seed-engine.ts";
import { isWellFormed, unsafeCharacter } from "../support/unicode-checks.ts";
import { readTelegramHtml } from "../telegram/telegram-html.ts";
import { HOSTILE_QUESTIONS } from "./hostile-questions.ts";

/** What must hold of any text that leaves the bot: no control, bidi or half characters. */
function cleanText(where: string, text: string): string[] {
  const unsafe = unsafeCharacter(text);
  return [
    ...(unsafe ? [`${where}: ${unsafe}`] : []),
    ...(isWellFormed(text) ? [] : [`${where}: a lone surrogate`]),
  ];
}

/** Every string inside a rendered value (a Discord reply's content, embeds, buttons). */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

const engine = seedEngine();
const started = Date.now();
const answers: [string, string, Answer][] = [];
for (const [what, question] of HOSTILE_QUESTIONS) {
  answers.push([what, question, await engine.ask(question)]);
}
const answerMs = Date.now() - started;

describe("hostile questions: the engine", () => {
  it("answers all of them, none throwing, within a few seconds", () => {
    expect(answers).toHaveLength(HOSTILE_QUESTIONS.length);
    expect(answerMs).toBeLessThan(5_000);
    // A real question wrapped in hostile characters is still understood.
    expect(answers.filter(([, , a]) => a.status === "answered").length).toBeGreaterThan(8);
  });

  it("keeps every quote verbatim", () => {
    for (const [what, , answer] of answers) {
      expect(quotesAreVerbatim([seedArticle()], answer.quotes), what).toBe(true);
    }
  });

  it("echoes no control, bidi or half character in the question, text or reason", () => {
    for (const [what, , answer] of answers) {
      const problems = [
        ...cleanText("question", answer.question),
        ...cleanText("text", answer.text),
        ...cleanText("reason", answer.reason ?? ""),
      ];
      expect(problems, what).toEqual([]);
      expect(answer.question.length, what).toBeLessThanOrEqual(engine.maxQuestionLength + 1);
    }
  });

  it("refuses the empty and the enormous with their problem codes", () => {
    const problem = (what: string) => answers.find(([w]) => w === what)?.[2].problem;
    expect(problem("only whitespace")).toBe("empty_question");
    expect(problem("NUL alone")).toBe("empty_question");
    expect(problem("100,000 letters")).toBe("question_too_long");
    expect(problem("emoji past the length limit")).toBe("question_too_long");
  });
});

describe("hostile questions: every renderer", () => {
  it("Telegram HTML: escaped, allowed tags only, no raw <script>, clean characters", () => {
    for (const [what, , answer] of answers) {
      for (const [i, message] of renderAnswerHtml(answer).entries()) {
        const where = `${what}, message ${i}`;
        expect(readTelegramHtml(message.html).violations, where).toEqual([]);
        expect(message.html, where).not.toMatch(/<\/?(script|img|a\s+href="javascript)/i);
        expect(
          [...cleanText("html", message.html), ...cleanText("plain", message.plain)],
          where,
        ).toEqual([]);
      }
    }
  });

  it("Discord embeds: markdown escaped, nobody pinged, within limits, clean characters", () => {
    for (const [what, , answer] of answers) {
      const wire = toWire(renderAnswerEmbeds(answer, { answerId: "abcd1234" }));
      expect(markupViolations(wire), what).toEqual([]);
      expect(limitViolations(wire), what).toEqual([]);
      expect(
        strings(wire).flatMap((s) => cleanText("reply", s)),
        what,
      ).toEqual([]);
      expect(visibleText(wire), what).not.toMatch(/<script/i);
    }
  });

  it("terminal text: clean characters", () => {
    for (const [what, , answer] of answers) {
      expect(cleanText("terminal", renderAnswerPlain(answer)), what).toEqual([]);
    }
  });
});

describe("hostile questions: npm run ask -- --jsonl", () => {
  it("writes exactly one JSON line per input line, each clean", async () => {
    // Each question once as a JSON line (line breaks and lone surrogates survive that)
    // and once as plain text where it has no line break of its own.
    const lines = [
      ...HOSTILE_QUESTIONS.map(([, question]) => JSON.stringify({ question })),
      ...HOSTILE_QUESTIONS.map(([, question]) => question).filter((q) => !/[\r\n]/.test(q)),
    ];
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (chunk) => {
      out += chunk;
    });
    const code = await runAsk({
      argv: ["--jsonl"],
      env: { CORPUS_DIR, LOG_LEVEL: "silent" },
      stdin: Readable.from([`${lines.join("\n")}\n`]),
      stdout,
      stderr: new PassThrough(),
    });
    expect(code).toBe(0);
    const written = out.split("\n");
    expect(written.pop()).toBe("");
    expect(written).toHaveLength(lines.length);
    for (const [i, line] of written.entries()) {
      const answer = JSON.parse(line) as Answer;
      const problems = [
        ...cleanText("question", answer.question),
        ...cleanText("reason", answer.reason ?? ""),
      ];
      expect(problems, `line ${i + 1}`).toEqual([]);
    }
  });
});
