import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/index.ts";

/**
 * One contract for every face's renderer (Telegram HTML, Discord embeds, terminal):
 * each renderer test calls `rendererContract` with its own adapter of this shape.
 */
export interface RendererUnderTest<R> {
  name: string;
  render(answer: Answer): R;
  /**
   * Everything a person would see, as plain text: markup removed, escapes undone
   * (`&lt;` back to `<`, `\*` back to `*`), messages/embeds joined with newlines.
   */
  visibleText(rendered: R): string;
  /** Every link target the rendering contains (href attributes, embed URLs, bare URLs). */
  links(rendered: R): string[];
  /** Human-readable descriptions of each platform limit the rendering breaks; [] if none. */
  limitViolations(rendered: R): string[];
  /**
   * Markup problems: unbalanced or disallowed tags, unescaped specials from the input,
   * mentions that would ping. [] if none. `answer` says what the input was.
   */
  markupViolations(rendered: R, answer: Answer): string[];
  /** Whether this face cuts long quotes (with "…") instead of splitting messages. */
  cutsLongQuotes?: boolean;
}

/** Cases the contract runs; a face's test passes real engine answers in `answers`. */
export interface ContractCases {
  /** Answers from the real engine, over many questions. */
  answers: Answer[];
}

const ELLIPSIS = "…";

/** A quote is kept verbatim when shown whole, or (for faces that cut) as a word-boundary prefix + "…". */
function quoteShown(visible: string, quote: string, cuts: boolean): boolean {
  if (visible.includes(quote)) return true;
  if (!cuts) return false;
  const at = visible.indexOf(quote.slice(0, 40));
  if (at < 0) return false;
  const ellipsis = visible.indexOf(ELLIPSIS, at);
  if (ellipsis < 0) return false;
  const shown = visible.slice(at, ellipsis).trimEnd();
  return (
    shown.length > 0 && quote.startsWith(shown) && /[\s.!?"”']/.test(quote[shown.length] ?? " ")
  );
}

export function rendererContract<R>(renderer: RendererUnderTest<R>, cases: ContractCases): void {
  describe(`renderer contract: ${renderer.name}`, () => {
    const all = [...cases.answers, ...hostileAnswers()];

    it("has real answers to check", () => {
      expect(cases.answers.filter((a) => a.status === "answered").length).toBeGreaterThan(0);
    });

    it("shows every quote verbatim", () => {
      for (const answer of all) {
        const visible = renderer.visibleText(renderer.render(answer));
        for (const quote of answer.quotes) {
          expect(
            quoteShown(visible, quote.text, renderer.cutsLongQuotes ?? false),
            quote.text.slice(0, 60),
          ).toBe(true);
        }
      }
    });

    it("cites every quote: title, publisher, paragraph and its text-fragment link", () => {
      for (const answer of all) {
        const rendered = renderer.render(answer);
        const visible = renderer.visibleText(rendered);
        const links = renderer.links(rendered);
        for (const quote of answer.quotes) {
          expect(visible).toContain(quote.source.title);
          expect(visible).toContain(quote.source.publisher);
          expect(visible).toContain(`¶${quote.source.paragraph}`);
          expect(links).toContain(quote.link);
        }
      }
    });

    it("says not-found answers in plain words", () => {
      for (const answer of all.filter((a) => a.status === "not_found")) {
        const visible = renderer.visibleText(renderer.render(answer));
        expect(visible).toContain(answer.reason ?? answer.text);
      }
    });

    it("keeps within the platform's limits", () => {
      for (const answer of all) {
        expect(renderer.limitViolations(renderer.render(answer))).toEqual([]);
      }
    });

    it("escapes what it must and pings nobody", () => {
      for (const answer of all) {
        expect(renderer.markupViolations(renderer.render(answer), answer)).toEqual([]);
      }
    });

    it("echoes a question with HTML or Markdown, if at all, as the characters typed", () => {
      for (const answer of questionMarkupAnswers()) {
        const rendered = renderer.render(answer);
        expect(renderer.markupViolations(rendered, answer)).toEqual([]);
        // Shown whole or not at all: never with its tags or markers turned into formatting.
        const visible = renderer.visibleText(rendered);
        if (visible.includes("Lavrov")) expect(visible).toContain(answer.question);
      }
    });
  });
}

/**
 * Answers whose question still carries markup, as a face holding the asker's raw text
 * might pass it (the engine strips markup from the questions it answers).
 */
export function questionMarkupAnswers(): Answer[] {
  const [answered] = hostileAnswers();
  return [
    "<script>alert('x')</script> <b>What did Lavrov say?</b>",
    "**What did _Lavrov_ say?** [click](https://evil.example) `code` # > &amp;",
    '<a href="https://evil.example">Lavrov</a> ~~said~~ ||spoiler|| <i>what</i>?',
  ].map((question) => ({ ...(answered as Answer), question }));
}

/** Answers no engine would usually produce, to push a renderer: markup, mentions, length. */
export function hostileAnswers(): Answer[] {
  const source = {
    articleId: "hostile",
    title: "Title with <b>tags</b> & *stars* _under_ `ticks` @everyone",
    publisher: "Pub <i>&amp;</i> ||spoiler||",
    url: "https://example.org/a?x=1&y=<2>",
    published: "2024-10-31",
    paragraph: 7,
  };
  const quote = (text: string, speaker: string | null) => ({
    text,
    speaker,
    speakerRole: speaker ? "Role <u>with</u> **markup**" : null,
    source,
    link: `https://example.org/a?x=1&y=<2>#:~:text=${encodeURIComponent(text.slice(0, 20)).replaceAll("-", "%2D")}`,
    start: 0,
    end: text.length,
  });
  const sentence =
    "The minister said the talks would resume, according to <script>alert(1)</script> & co. ";
  const long = sentence.repeat(60).trim();
  const base = {
    question: "<script>alert('x')</script> & what did @everyone say?",
    mode: "extractive" as const,
    speaker: null,
    moreQuotes: 0,
  };
  return [
    {
      ...base,
      status: "answered",
      text: "Quotes follow.",
      quotes: [
        quote(
          '<script>alert(1)</script> & "quoted" *bold* __under__ ~~strike~~ `code` @everyone <@123> <#456>',
          "Name <b>",
        ),
        quote(long, "Long Talker"),
        quote("Short one with > and < and &amp; literally.", null),
      ],
    },
    {
      ...base,
      status: "answered",
      text: "Many quotes.",
      quotes: Array.from({ length: 10 }, (_, i) =>
        quote(`${sentence.repeat(8).trim()} (${i})`, `Speaker ${i}`),
      ),
    },
    {
      ...base,
      status: "not_found",
      text: "The articles I have don't mention <Joe & Biden> @here.",
      reason: "The articles I have don't mention <Joe & Biden> @here.",
      quotes: [],
    },
  ];
}
