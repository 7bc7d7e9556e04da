import { describe, expect, it } from "vitest";
import { analyzeQuestion, analyzeText } from "../../src/text/analyze.ts";
import { cutCodePoints } from "../../src/text/cut-code-points.ts";
import { findNormalized, foldForMatch, stripInvisible } from "../../src/text/normalize.ts";

describe("foldForMatch", () => {
  it("folds quote styles, apostrophes, dashes, case, diacritics and whitespace", () => {
    expect(foldForMatch("“Putin’s”  —  Café\u00A0Zelenskyy")).toBe(`"putin's" - cafe zelenskyy`);
    expect(foldForMatch("it's")).toBe(foldForMatch("it’s"));
  });
});

describe("findNormalized", () => {
  const paragraph = `Now, Ukraine has "broken" the conditions — it’s clear.`;

  it("finds a span typed with other quotes and dashes, and returns the original characters", () => {
    const at = findNormalized(paragraph, `has “broken” the conditions - it's`);
    expect(at).not.toBeNull();
    expect(paragraph.slice(at!.start, at!.end)).toBe(`has "broken" the conditions — it’s`);
  });

  it("maps through collapsed whitespace and combining characters", () => {
    const text = "A  cafe\u0301   opened.";
    const at = findNormalized(text, "café opened");
    expect(text.slice(at!.start, at!.end)).toBe("cafe\u0301   opened");
  });

  it("returns null when the span is not there or is empty", () => {
    expect(findNormalized(paragraph, "never said")).toBeNull();
    expect(findNormalized(paragraph, "   ")).toBeNull();
  });
});

describe("stripInvisible", () => {
  it("removes control and zero-width characters, keeps the rest", () => {
    expect(stripInvisible("wh\u200Bat\u0007 did\u202F\uFEFF he say?\u0000")).toBe(
      "what did\u202F he say?",
    );
  });

  it("removes bidirectional controls, which would reorder echoed text", () => {
    const bidi = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    expect(stripInvisible(`Lav${bidi}rov said \u202Eevil\u202C?`)).toBe("Lavrov said evil?");
  });

  it("removes lone surrogates and keeps paired ones", () => {
    expect(stripInvisible("a\uD83D b\uDE00 c😀 d\uDE00\uD83D")).toBe("a b c😀 d");
  });
});

describe("cutCodePoints", () => {
  it("counts code points, so a cut never splits a surrogate pair", () => {
    expect(cutCodePoints("ab😀cd", 3)).toBe("ab😀");
    expect(cutCodePoints("😀".repeat(300), 200)).toBe("😀".repeat(200));
    expect(cutCodePoints("short", 200)).toBe("short");
    expect(cutCodePoints("x".repeat(201), 200)).toBe("x".repeat(200));
  });
});

describe("term analysis", () => {
  it("stems, folds British spellings, and drops stop words", () => {
    expect(analyzeText("The rumours of negotiations")).toEqual(analyzeText("rumors negotiation"));
    expect(analyzeText("the of and")).toEqual([]);
  });

  it("drops question words from questions only", () => {
    expect(analyzeQuestion("What did Lavrov say about mediation?")).toEqual(["lavrov", "mediat"]);
    expect(analyzeText("Lavrov said")).toContain("said");
  });
});
