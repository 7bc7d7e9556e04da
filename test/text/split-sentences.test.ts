import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/text/split-sentences.ts";
import { seedArticle } from "../support/seed-engine.ts";

const texts = (p: string) => splitSentences(p).map((s) => p.slice(s.start, s.end));

describe("splitSentences", () => {
  it("keeps abbreviations such as U.S., Sept. and Gen. inside their sentence", () => {
    const p = "The U.S. said on Sept. 5 that Gen. Smith had left. Officials in Kyiv agreed.";
    expect(texts(p)).toEqual([
      "The U.S. said on Sept. 5 that Gen. Smith had left.",
      "Officials in Kyiv agreed.",
    ]);
  });

  it("gives offsets that are the paragraph's own characters, for every seed paragraph", () => {
    for (const p of seedArticle().paragraphs) {
      const spans = splitSentences(p);
      expect(spans.length).toBeGreaterThan(0);
      let previousEnd = 0;
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(previousEnd);
        expect(p.slice(previousEnd, s.start).trim()).toBe("");
        previousEnd = s.end;
      }
      expect(p.slice(previousEnd).trim()).toBe("");
    }
  });

  it("splits the seed's sub-headings from the paragraph they run into", () => {
    const p = seedArticle().paragraphs;
    expect(texts(p[7]!)[0]).toBe("Is Moscow ready to talk?");
    expect(texts(p[15]!)[0]).toBe("What kind of negotiations does Ukraine want?");
    expect(texts(p[28]!)[0]).toBe("Will there be negotiations?");
  });

  it("keeps a quotation and its attribution together", () => {
    const p = seedArticle().paragraphs;
    // Two sentences inside one quotation, then "Putin said".
    expect(texts(p[8]!)).toHaveLength(1);
    // A question inside quotes, then "the Russian President questioned".
    expect(texts(p[10]!)).toEqual([p[10]]);
    expect(texts(p[21]!)).toEqual([p[21]]);
  });

  it("does not end a sentence at 'sq.' before 'km.'", () => {
    expect(texts(seedArticle().paragraphs[15]!).at(-1)).toBe(
      "On August 20, Syrskyi announced the area under Ukrainian control increased to 1,263 sq. km.",
    );
  });

  it("returns nothing for empty text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("   ")).toEqual([]);
  });
});
