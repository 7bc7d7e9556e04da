import { describe, expect, it } from "vitest";
import { isEnglishWord } from "../../src/text/english-words.ts";
import { loadWordGroups } from "../../src/text/load-word-list.ts";
import { placeGroups } from "../../src/text/place-names.ts";

describe("word resources", () => {
  it("knows English words and not misspellings", () => {
    for (const w of ["weather", "whether", "aardvark", "zymurgy", "prisoners"])
      expect(isEnglishWord(w), w).toBe(true);
    for (const w of ["prisners", "measels", "negociations", "swaped", ""])
      expect(isEnglishWord(w), w).toBe(false);
  });

  it("groups a country with its capital and people, but not a demonym several share", () => {
    const groups = placeGroups();
    const of = (word: string) => groups.filter((g) => g.includes(word)).flat();
    expect(of("ukraine")).toEqual(expect.arrayContaining(["kyiv", "ukrainian"]));
    expect(of("russia")).toEqual(expect.arrayContaining(["moscow", "russian", "kremlin"]));
    expect(of("american")).toEqual([]);
  });

  it("reads word lists as groups, comments and blank lines left out", () => {
    const groups = loadWordGroups("synonyms");
    expect(groups.length).toBeGreaterThan(20);
    expect(groups.flat().some((w) => w.startsWith("#") || w === "")).toBe(false);
  });
});
