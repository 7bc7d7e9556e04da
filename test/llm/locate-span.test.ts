import { describe, expect, it } from "vitest";
import { locateSpan, toSentenceRanges } from "../../src/llm/locate-span.ts";
import { passage, seedArticle } from "./seed-passages.ts";

const article = seedArticle();
const PUTIN = article.paragraphs[8] as string;
const USHAKOV = article.paragraphs[12] as string;

describe("locateSpan", () => {
  it("returns the passage's own offsets for a span written with other quote styles", () => {
    const span = locateSpan(PUTIN, "not on some ‘made-up’ terms");
    expect(span).not.toBeNull();
    expect(PUTIN.slice(span?.start, span?.end)).toBe("not on some 'made-up' terms");
  });

  it("ignores quotation marks and punctuation the model put around the span", () => {
    const span = locateSpan(
      USHAKOV,
      "“At the moment, entering the negotiation process would be entirely inappropriate.”",
    );
    expect(USHAKOV.slice(span?.start, span?.end)).toBe(
      "at the moment, entering the negotiation process would be entirely inappropriate",
    );
  });

  it("matches an elided span when its parts occur in order", () => {
    const span = locateSpan(
      PUTIN,
      "We are ready for these negotiations ... not on some 'made-up' terms",
    );
    expect(PUTIN.slice(span?.start, span?.end)).toMatch(/^We are ready.*'made-up' terms$/);
    expect(
      locateSpan(PUTIN, "not on some 'made-up' terms … We are ready for these negotiations"),
    ).toBeNull();
  });

  it("refuses words the passage does not hold, and spans too short to mean anything", () => {
    expect(locateSpan(PUTIN, "We are never ready for these negotiations")).toBeNull();
    expect(locateSpan(PUTIN, "Putin")).toBeNull();
    expect(locateSpan(PUTIN, '"..."')).toBeNull();
  });
});

describe("toSentenceRanges", () => {
  it("widens a span to the whole sentence and carries its speaker", () => {
    const p = passage(article, "P1", 9);
    const span = locateSpan(p.text, "only on the terms we agreed upon");
    const ranges = toSentenceRanges(p.text, p.sentences, span ?? { start: 0, end: 0 });
    expect(ranges).toHaveLength(1);
    const [range] = ranges;
    expect(p.text.slice(range?.start, range?.end)).toBe(
      "But only on the terms we agreed upon when these negotiations began in Minsk and then in Istanbul, not on some 'made-up' terms,\" Putin said.",
    );
    expect(range?.speaker).toBe("Vladimir Putin");
  });

  it("keeps adjacent sentences of one speaker together and splits different speakers", () => {
    const text = "Alpha said one thing. Beta said another.";
    const same = [
      { start: 0, end: 21, speaker: "Alpha", speakerRole: null },
      { start: 22, end: 40, speaker: null, speakerRole: null },
    ];
    expect(toSentenceRanges(text, same, { start: 5, end: 30 })).toEqual([
      { start: 0, end: 40, speaker: "Alpha", speakerRole: null },
    ]);
    const different = [same[0], { ...same[1], speaker: "Beta" }] as typeof same;
    expect(toSentenceRanges(text, different, { start: 5, end: 30 }).map((r) => r.speaker)).toEqual([
      "Alpha",
      "Beta",
    ]);
  });

  it("keeps the span itself when the passage has no sentence offsets", () => {
    expect(toSentenceRanges("  some words here  ", [], { start: 1, end: 18 })).toEqual([
      { start: 2, end: 17, speaker: null, speakerRole: null },
    ]);
  });
});
