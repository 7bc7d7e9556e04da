import { describe, expect, it } from "vitest";
import { stripUnverifiedQuotes } from "../../src/llm/strip-unverified-quotes.ts";

const VERIFIED = new Set(["peace proposals", "made-up", "negotiation trap"]);
const strip = (text: string) => stripUnverifiedQuotes(text, (words) => VERIFIED.has(words));

describe("stripUnverifiedQuotes", () => {
  it("keeps verified quotations in any quote style", () => {
    const text =
      "Ushakov said Putin’s “peace proposals” stand; Medvedev warned of a «negotiation trap» and 'made-up' terms.";
    expect(strip(text)).toEqual({ text, unverified: [] });
  });

  it("removes each sentence that quotes words nothing verifies", () => {
    expect(
      strip('Putin set terms. He said "we will win". Ushakov kept the "peace proposals".'),
    ).toEqual({
      text: 'Putin set terms. Ushakov kept the "peace proposals".',
      unverified: ["we will win"],
    });
    expect(strip("Lavrov said „talks are over“!").text).toBe("");
  });

  it("does not take apostrophes for quotation marks", () => {
    const text = "Ukraine's allies' position and the Kremlin's view differ.";
    expect(strip(text)).toEqual({ text, unverified: [] });
  });

  it("drops stray quotation marks that pair with nothing", () => {
    expect(strip("Talks stalled” in August.").text).toBe("Talks stalled in August.");
  });
});
