import { describe, expect, it } from "vitest";
import { formatStatements, trimSentence } from "../../src/cli/format-statements.ts";
import type { StatementSummary } from "../../src/engine/engine.ts";

const statement = (overrides: Partial<StatementSummary>): StatementSummary => ({
  articleId: "a",
  paragraph: 1,
  sentence: 0,
  speaker: "Ann Lee",
  kind: "person",
  role: null,
  cue: "said",
  text: "Short.",
  ...overrides,
});

describe("trimSentence", () => {
  it("keeps a short sentence whole, on one line", () => {
    expect(trimSentence("He said\n  it  twice.")).toBe("He said it twice.");
  });

  it("cuts a long one at a word with …", () => {
    const cut = trimSentence("word ".repeat(50), 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toMatch(/^(word )+word…$/);
  });
});

describe("formatStatements", () => {
  it("groups by article in order of first appearance and counts what it lists", () => {
    const text = formatStatements([
      statement({ articleId: "b", paragraph: 2, sentence: 1, role: "Mayor" }),
      statement({
        articleId: "a",
        speaker: "City Council",
        kind: "organization",
        cue: "according to",
      }),
      statement({ articleId: "b", paragraph: 4, speaker: "Bo Chen", cue: "" }),
    ]);
    expect(text).toBe(
      [
        "b · 2 statements",
        "  ¶2.2  Ann Lee (Mayor) · said",
        "      Short.",
        "  ¶4.1  Bo Chen · no cue",
        "      Short.",
        "",
        "a · 1 statement",
        "  ¶1.1  City Council [organization] · according to",
        "      Short.",
        "",
        "3 statements by 3 speakers in 2 articles",
      ].join("\n"),
    );
  });

  it("says so when the index is empty", () => {
    expect(formatStatements([])).toMatch(/no statements/);
  });
});
