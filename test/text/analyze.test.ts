import { describe, expect, it } from "vitest";
import { analyzeQuestion, analyzeText, termOf } from "../../src/text/analyze.ts";

describe("analyze", () => {
  it("stems words, folding British spellings, on both sides alike", () => {
    expect(termOf("negotiations")).toBe(termOf("negotiate"));
    expect(analyzeText("The rumours")).toEqual(analyzeQuestion("rumors"));
  });

  it("keeps a 'word' longer than any real one as it is instead of stemming it", () => {
    // The stemmer's suffix patterns backtrack over a long word in quadratic time.
    const long = `${"x".repeat(20_000)}sses`;
    expect(termOf(long)).toBe(long);
    expect(termOf("classes")).toBe("class");
  });
});
