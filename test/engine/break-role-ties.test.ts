import { describe, expect, it } from "vitest";
import { quotedWith } from "../../src/engine/break-role-ties.ts";
import { buildSnapshot } from "../../src/engine/corpus-snapshot.ts";
import type { Article } from "../../src/index.ts";

/** Five interior ministers, each quoted once, in paragraphs that name Norvia or not. */
const ARTICLE: Article = {
  id: "interior-ministers-meet",
  title: "Interior ministers meet in Kell",
  publisher: "The Marlow Gazette",
  url: "https://example.test/interior-ministers-meet",
  published: "2031-06-02",
  language: "en",
  paragraphs: [
    "Interior Minister Ana Berg said the Norvian border would stay open all summer.",
    "Interior Minister Tor Lind said the budget for border guards was sufficient.",
    "Interior Minister Eva Moss said the checkpoints in Norvia would close at night.",
    "Interior Minister Jon Ruud said Norvianism was a word nobody used any more.",
    "Interior Minister Åsa Holm said Norvian exports of timber fell in May.",
  ],
};

describe("quotedWith", () => {
  const snapshot = buildSnapshot([ARTICLE]);
  const idOf = (name: string) => snapshot.speakers.all.find((s) => s.name === name)!.id;
  const names = (ids: number[]) => ids.map((id) => snapshot.speakers.get(id).name).sort();
  const everyone = ["Ana Berg", "Tor Lind", "Eva Moss", "Jon Ruud", "Åsa Holm"].map(idOf);

  it("keeps those whose paragraphs name the qualifier in any of its forms, a word at a time", () => {
    // "Norvian" and "Norvia" name it; "Norvianism" holds the letters but is another word.
    // Åsa Holm's paragraph is not ASCII, and is read by splitting it into words.
    expect(names(quotedWith(everyone, ["norvian"], snapshot))).toEqual(
      ["Ana Berg", "Eva Moss", "Åsa Holm"].sort(),
    );
  });

  it("keeps no one when no paragraph names it, and everyone when it is in all of them", () => {
    expect(quotedWith(everyone, ["kellish"], snapshot)).toEqual([]);
    expect(names(quotedWith(everyone, ["interior"], snapshot))).toEqual(names(everyone));
  });
});
