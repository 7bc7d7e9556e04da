import { describe, expect, it } from "vitest";
import { articleFromText } from "../../src/corpus/article-from-text.ts";

const META = { publisher: "The Daily", url: "https://daily.example/story" };

describe("articleFromText", () => {
  it("takes the first line of plain text as the title, the blocks between blank lines as paragraphs", () => {
    const text =
      "Mayor opens bridge\r\n\r\nThe mayor said on Monday that the bridge  \r\n   would open in May.\r\n\r\n“It is a great day,” she said — twice.\r\n";
    expect(articleFromText(text, { markdown: false, meta: META })).toEqual({
      ok: true,
      id: undefined,
      article: {
        title: "Mayor opens bridge",
        publisher: "The Daily",
        url: "https://daily.example/story",
        published: null,
        language: "en",
        paragraphs: [
          // A hard-wrapped line: only the line break (and the spaces around it) became a space.
          "The mayor said on Monday that the bridge would open in May.",
          "“It is a great day,” she said — twice.",
        ],
      },
    });
  });

  it("reads each line as a paragraph when the text has no blank line, kept as written", () => {
    const result = articleFromText("Title\n  First, indented.\nSecond.  \n", {
      markdown: false,
      meta: META,
    });
    expect(result.ok && result.article.paragraphs).toEqual(["  First, indented.", "Second.  "]);
  });

  it("takes a Markdown # heading as the title, and drops a first line that repeats --title", () => {
    const md = articleFromText("\n# Harbour plan #\n\nThe council approved it.\n", {
      markdown: true,
      meta: META,
    });
    expect(md.ok && [md.article.title, md.article.paragraphs]).toEqual([
      "Harbour plan",
      ["The council approved it."],
    ]);
    const given = articleFromText("Harbour plan\n\nThe council approved it.\n", {
      markdown: false,
      meta: { ...META, title: "Harbour plan" },
    });
    expect(given.ok && given.article.paragraphs).toEqual(["The council approved it."]);
    const other = articleFromText("The council approved it.\n\nThe port agreed.\n", {
      markdown: false,
      meta: { ...META, title: "Harbour plan" },
    });
    expect(other.ok && other.article.paragraphs).toEqual([
      "The council approved it.",
      "The port agreed.",
    ]);
  });

  it("lets options fill in and override front matter, whose body stays one paragraph per line", () => {
    const text = "---\nid: harbour\ntitle: Harbour plan\nlanguage: de\n---\nLine one.\nLine two.\n";
    const result = articleFromText(text, {
      markdown: true,
      meta: { ...META, language: "en", published: "2024-05-02" },
    });
    expect(result).toMatchObject({
      ok: true,
      id: "harbour",
      article: {
        title: "Harbour plan",
        language: "en",
        published: "2024-05-02",
        paragraphs: ["Line one.", "Line two."],
      },
    });
  });

  it("says what is missing by name, all at once, and how to give it", () => {
    const howToGive = (keys: string[]) => `give ${keys.map((k) => `--${k}`).join(" and ")}`;
    expect(articleFromText("Title\n\nText.\n", { markdown: false, howToGive })).toEqual({
      ok: false,
      problems: ["publisher and url are missing: give --publisher and --url"],
    });
    expect(
      articleFromText("Title\n", { markdown: false, meta: { ...META, published: "May 2" } }),
    ).toEqual({
      ok: false,
      problems: ["published must be a date YYYY-MM-DD", "no paragraphs after the title"],
    });
  });

  it("refuses a front matter that is never closed, rather than reading it as text", () => {
    expect(articleFromText("---\ntitle: x\n\nText.\n", { markdown: true, meta: META })).toEqual({
      ok: false,
      problems: ["front matter is never closed: add a line --- after its last field"],
    });
  });
});
