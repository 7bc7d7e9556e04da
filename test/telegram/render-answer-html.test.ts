import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../adapters/telegram/escape-html.ts";
import {
  EXPANDABLE_QUOTE_CHARS,
  renderAnswerHtml,
  renderQuoteMessage,
  splitQuoteText,
} from "../../adapters/telegram/render-answer-html.ts";
import {
  TELEGRAM_MESSAGE_LIMIT,
  type TelegramMessage,
} from "../../adapters/telegram/telegram-message.ts";
import type { Answer, Quote } from "../../src/index.ts";
import { hostileAnswers, rendererContract } from "../contract/renderer-contract.ts";
import { testEngine } from "./telegram-harness.ts";
import { readTelegramHtml } from "./telegram-html.ts";

/** Questions whose real answers the contract checks: speakers, topics, misses, odd input. */
const QUESTIONS = [
  "What did Ushakov say?",
  "What did Lavrov say about negotiations?",
  "What did Putin say?",
  "What did Podolyak say?",
  "What did Zelensky say about the buffer zone?",
  "What did Syrskyi report?",
  "What did Medvedev warn of?",
  "What did The Washington Post report about Doha?",
  "Who is Rajan Menon?",
  "What is the capital of Peru?",
  "<b>Ushakov</b> & Lavrov?",
];

const engine = await testEngine();
const answers = await Promise.all(QUESTIONS.map((q) => engine.ask(q, { maxQuotes: 10 })));

rendererContract<TelegramMessage[]>(
  {
    name: "Telegram HTML",
    render: (answer) => renderAnswerHtml(answer),
    visibleText: (messages) => messages.map((m) => readTelegramHtml(m.html).text).join("\n"),
    links: (messages) => messages.flatMap((m) => readTelegramHtml(m.html).links),
    limitViolations: (messages) =>
      messages.flatMap((m, i) => [
        ...(m.html.length > TELEGRAM_MESSAGE_LIMIT
          ? [`message ${i}: HTML has ${m.html.length} characters`]
          : []),
        ...(m.plain.length > TELEGRAM_MESSAGE_LIMIT
          ? [`message ${i}: plain twin has ${m.plain.length} characters`]
          : []),
        ...(m.html.trim() === "" || m.plain.trim() === "" ? [`message ${i} is empty`] : []),
      ]),
    // Telegram has no @everyone/@here; the checks here are HTML: only allowed tags,
    // balanced, and every < > & of the input escaped (the reader flags raw ones).
    markupViolations: (messages) => messages.flatMap((m) => readTelegramHtml(m.html).violations),
    // A quote longer than a message is continued in the next one, each piece marked "…":
    // the contract sees the first piece as a word-boundary prefix followed by "…".
    cutsLongQuotes: true,
  },
  { answers },
);

const source = {
  articleId: "a",
  title: "Talks & <tactics>",
  publisher: "The Wire",
  url: "https://example.org/a",
  published: "2024-08-21",
  paragraph: 3,
};
const quote = (text: string, overrides: Partial<Quote> = {}): Quote => ({
  text,
  speaker: "Yuri Ushakov",
  speakerRole: "presidential aide",
  source,
  link: `https://example.org/a#:~:text=${encodeURIComponent(text.slice(0, 10))}`,
  start: 0,
  end: text.length,
  ...overrides,
});
const answered = (quotes: Quote[], overrides: Partial<Answer> = {}): Answer => ({
  status: "answered",
  question: "q",
  text: quotes.map((q) => q.text).join("\n"),
  quotes,
  mode: "extractive",
  speaker: null,
  moreQuotes: 0,
  ...overrides,
});

describe("renderAnswerHtml", () => {
  it("puts each quote in a blockquote, then the speaker, then the linked source line", () => {
    const [message] = renderAnswerHtml(answered([quote("Peace proposals remain valid.")]));
    expect(message?.html).toBe(
      [
        "<blockquote>Peace proposals remain valid.</blockquote>",
        "— <b>Yuri Ushakov</b>, <i>presidential aide</i>",
        `<a href="https://example.org/a#:~:text=Peace%20prop">Talks &amp; &lt;tactics&gt;</a> · The Wire · 2024-08-21 · ¶3`,
      ].join("\n"),
    );
  });

  it("spells out the links in the plain-text twin", () => {
    const [message] = renderAnswerHtml(answered([quote("Peace proposals remain valid.")]));
    expect(message?.plain).toContain("Talks & <tactics> · The Wire · 2024-08-21 · ¶3");
    expect(message?.plain).toContain("https://example.org/a#:~:text=Peace%20pro");
    expect(message?.plain).not.toContain("&amp;");
  });

  it("collapses long quotes, leaves out an unknown speaker and a missing date", () => {
    const long = "word ".repeat(EXPANDABLE_QUOTE_CHARS / 4).trim();
    const [message] = renderAnswerHtml(
      answered([
        quote(long, { speaker: null, speakerRole: null, source: { ...source, published: null } }),
      ]),
    );
    expect(message?.html.startsWith("<blockquote expandable>")).toBe(true);
    expect(message?.html).not.toContain("—");
    expect(message?.html).toContain("The Wire · ¶3");
  });

  it("shows an LLM answer's own words before its quotes, and says when more quotes match", () => {
    const [message] = renderAnswerHtml(
      answered([quote("Peace proposals remain valid.")], {
        mode: "llm",
        text: "He said <no> talks.",
        moreQuotes: 4,
      }),
    );
    expect(message?.html.startsWith("He said &lt;no&gt; talks.\n\n<blockquote>")).toBe(true);
    expect(message?.html).toContain("<i>4 more quotes match: ask a narrower question.</i>");
    const [about] = renderAnswerHtml(
      answered([quote("Peace proposals remain valid.")], {
        speaker: "Yuri Ushakov",
        moreQuotes: 1,
      }),
    );
    expect(about?.html).toContain("<i>1 more quote matches: ask “what else?” to see them.</i>");
  });

  it("says a not-found answer in plain words, escaped", () => {
    const reason = "The articles don't mention <Biden> & co.";
    const messages = renderAnswerHtml({
      ...answered([]),
      status: "not_found",
      reason,
      text: reason,
    });
    expect(messages).toEqual([{ html: escapeHtml(reason), plain: reason }]);
  });

  it("never renders an empty message", () => {
    const messages = renderAnswerHtml({ ...answered([]), status: "not_found", text: " " });
    expect(messages[0]?.plain.length).toBeGreaterThan(10);
  });

  it("breaks messages only between quotes", () => {
    const quotes = Array.from({ length: 12 }, (_, i) =>
      quote(`${"Sentence number one. ".repeat(40)}(${i})`),
    );
    const messages = renderAnswerHtml(answered(quotes));
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.html.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      const { violations } = readTelegramHtml(m.html);
      expect(violations).toEqual([]);
    }
    const perMessage = messages.map(
      (m) => quotes.filter((q) => readTelegramHtml(m.html).text.includes(q.text)).length,
    );
    expect(perMessage.reduce((a, b) => a + b, 0)).toBe(quotes.length);
  });

  it("continues a quote longer than a message across messages, losing no character", () => {
    const text = "A very long sentence & more <words>, ".repeat(300).trim();
    const messages = renderAnswerHtml(answered([quote(text)]));
    expect(messages.length).toBeGreaterThan(1);
    const visible = messages.map((m) => readTelegramHtml(m.html).text);
    const pieces = visible.map((v, i) => {
      const body = i === visible.length - 1 ? v.slice(0, v.indexOf("\n— ")) : v;
      return body.replace(/^… /, "").replace(/ …$/, "");
    });
    expect(pieces.join(" ").replace(/\s+/g, " ")).toBe(text);
    expect(visible.at(-1)).toContain("¶3");
  });

  it("renders one quote as exactly one message for inline results, cut with … when it must", () => {
    const text = "Long words here. ".repeat(400).trim();
    const message = renderQuoteMessage(quote(text));
    expect(message.html.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    expect(readTelegramHtml(message.html).text).toMatch(
      /^Long words here\. .*\w …\n— Yuri Ushakov/s,
    );
  });
});

describe("splitQuoteText", () => {
  it("cuts at whitespace into pieces that fit once escaped and join back exactly", () => {
    const text = 'Fish & chips <cost> more than "ever". '.repeat(50);
    const pieces = splitQuoteText(text, 300);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) expect(escapeHtml(piece).length).toBeLessThanOrEqual(300);
    for (const piece of pieces.slice(1)) expect(piece).toMatch(/^\s/);
  });

  it("cuts a single enormous word where it must", () => {
    const pieces = splitQuoteText("x".repeat(1000), 300);
    expect(pieces.join("")).toBe("x".repeat(1000));
    expect(pieces.length).toBe(4);
  });
});

describe("hostile answers", () => {
  it("escape every special character of the input", () => {
    for (const answer of hostileAnswers()) {
      const html = renderAnswerHtml(answer)
        .map((m) => m.html)
        .join("");
      expect(html).not.toMatch(/<(script|u)>|<\/b>tags|<i>&amp;/);
    }
  });
});
