import { describe, expect, it } from "vitest";
import { createPrng } from "../../bench/corpus/prng.ts";
import { foldForMatch, normalizeWithMap } from "../../src/text/normalize.ts";

/** Characters that fold in every way foldChar knows, plus ones that must pass through. */
const ALPHABET = [
  ..."abcXYZ09 .,;'\"`-",
  "\t",
  "\n",
  "\u00A0", // no-break space
  "\u2003", // em space
  "\u201C",
  "\u201D",
  "\u2018",
  "\u2019",
  "\u00B4", // acute accent, a quote look-alike
  "\u00A8", // diaeresis: NFKD gives a space and a combining mark
  "\u2014",
  "\u2212",
  "\u200B", // zero-width space
  "\uFEFF",
  "\u00AD", // soft hyphen
  "é",
  "Ä",
  "e\u0301", // e + combining acute
  "\uFB01", // fi ligature
  "\u2460", // circled one
  "Σ",
  "İ",
  "😀",
  "Ж",
];

describe("foldForMatch", () => {
  it("gives exactly the text normalizeWithMap folds to, on random mixed strings", () => {
    const prng = createPrng(17);
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: prng.between(0, 40) }, () => prng.pick(ALPHABET)).join("");
      expect(foldForMatch(text)).toBe(normalizeWithMap(text).text);
    }
  });

  it("folds the same text the same way the second time (the cache changes nothing)", () => {
    const text = "  \u201CPutin\u2019s\u201D  offer \u2014 Zelensky\u00A0said\u200B  ";
    const first = foldForMatch(text);
    expect(first).toBe('"putin\'s" offer - zelensky said');
    expect(foldForMatch(text)).toBe(first);
  });
});
