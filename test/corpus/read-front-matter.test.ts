import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/corpus/parse-article.ts";

const BODY = "Text.\n";

describe("corpus file problems, said for a person", () => {
  it("names the YAML error's line in the file (the opening --- is line 1)", () => {
    const text = `---\nid: a\ntitle: "Talks stall\npublisher: P\nurl: https://p.example/a\nlanguage: en\n---\n${BODY}`;
    expect(parseArticle(text)).toEqual({
      ok: false,
      problems: ["front matter is not valid YAML (line 3: missing closing quote)"],
    });
    const colon = "---\nid: a\ntitle: Talks: stalled\n---\nText.\n";
    expect(parseArticle(colon)).toEqual({
      ok: false,
      problems: ['front matter is not valid YAML (line 3: a value holding ": " must be in quotes)'],
    });
  });

  it("says a field is missing rather than zod's 'expected string, received undefined'", () => {
    const text = `---\nid: a\ntitle: T\nurl: https://p.example/a\nlanguage: en\n---\n${BODY}`;
    expect(parseArticle(text)).toEqual({
      ok: false,
      problems: ["publisher is missing: add it to the front matter"],
    });
    const empty = `---\nid: a\ntitle:\npublisher: 12\nurl: https://p.example/a\nlanguage: en\n---\n${BODY}`;
    expect(parseArticle(empty)).toEqual({
      ok: false,
      problems: [
        "title is missing: add it to the front matter",
        "publisher must be text: put it in quotes",
      ],
    });
  });

  it("tells a front matter never closed from a file without one", () => {
    expect(parseArticle(`---\nid: a\ntitle: T\n${BODY}`)).toEqual({
      ok: false,
      problems: ["front matter is never closed: add a line --- after its last field"],
    });
    expect(parseArticle(BODY)).toEqual({
      ok: false,
      problems: ["no front matter: a corpus file starts with a line ---, its fields, and ---"],
    });
  });
});
