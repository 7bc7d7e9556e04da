import { describe, expect, it } from "vitest";
import { attributeSpeakers } from "../../src/speakers/attribute-speakers.ts";
import { nameKey } from "../../src/speakers/name-key.ts";
import { splitSentences } from "../../src/text/split-sentences.ts";
import { seedArticle } from "../support/seed-engine.ts";

function attribute(paragraphs: string[]) {
  const sentences = paragraphs.map(splitSentences);
  const result = attributeSpeakers(paragraphs, sentences);
  const nameOf = (key: string) => result.speakers.find((s) => s.key === key)?.name;
  return {
    ...result,
    /** Speaker names by paragraph, as "¶n name" strings. */
    said: result.statements.map((s) => `¶${s.paragraph} ${nameOf(s.speakerKey)}`),
    speaker: (name: string) => result.speakers.find((s) => s.name === name),
  };
}

describe("speaker attribution on the seed article", () => {
  const seed = attribute(seedArticle().paragraphs);

  it.each([
    ["Vladimir Putin", [3, 8, 9, 11]],
    ["Sergey Lavrov", [12, 26]],
    ["Yuri Ushakov", [13]],
    ["Dmitry Medvedev", [14]],
    ["Mykhailo Podolyak", [21, 22, 23, 24]],
    ["Volodymyr Zelensky", [5, 17, 18, 19]],
    ["Oleksandr Syrskyi", [16]],
    ["Rajan Menon", [6]],
    ["Tim Shipman", [15]],
    ["Anatoliy Burmych", [27]],
    ["Center for Counteracting Disinformation", [3]],
    ["The Washington Post", [25, 29]],
    ["The New York Times", [30]],
    ["The Times", [15]],
  ])("attributes %s's statements to the right paragraphs", (name, paragraphs) => {
    const mine = seed.said
      .filter((s) => s.endsWith(` ${name}`))
      .map((s) => Number(s.split(" ")[0]!.slice(1)));
    expect([...new Set(mine)]).toEqual(paragraphs);
  });

  it("records the roles the article gives", () => {
    expect(seed.speaker("Sergey Lavrov")?.roles).toContain("Foreign Minister");
    expect(seed.speaker("Vladimir Putin")?.roles).toContain("Russian President");
    expect(seed.speaker("Yuri Ushakov")?.roles).toContain(
      "Russian presidential aide for foreign policy",
    );
    expect(seed.speaker("Dmitry Medvedev")?.roles).toEqual([
      "former Russian President",
      "Deputy Chairman of the Security Council of the Russian Federation",
    ]);
    expect(seed.speaker("Mykhailo Podolyak")?.roles).toContain(
      "adviser to the President's Office head",
    );
    expect(seed.speaker("Rajan Menon")?.roles).toContain("American analyst and strategist");
    expect(seed.speaker("Anatoliy Burmych")?.roles).toContain(
      'member of the parliamentary group "Ukraine\'s Recovery"',
    );
  });

  it("follows a pronoun into the next quote paragraph", () => {
    expect(seed.said).toContain("¶19 Volodymyr Zelensky"); // "...," he noted.
    expect(seed.said).toContain("¶22 Mykhailo Podolyak"); // "...," he said.
  });

  it("resolves role mentions, but not to a former holder of the role", () => {
    expect(seed.said).toContain("¶11 Vladimir Putin"); // the Russian President questioned
    expect(seed.said).toContain("¶18 Volodymyr Zelensky"); // the President stated
    expect(seed.said).toContain("¶24 Mykhailo Podolyak"); // Yermak's advisor said
    expect(seed.said.filter((s) => s.startsWith("¶15 ")).sort()).toEqual([
      "¶15 The Times",
      "¶15 Tim Shipman",
      "¶15 Tim Shipman",
    ]);
    expect(seed.said).not.toContain("¶11 Dmitry Medvedev");
  });

  it("lets outlets speak and refers 'the publication' back to the last one", () => {
    const nyt = seed.said.filter((s) => s === "¶30 The New York Times");
    expect(nyt).toHaveLength(3); // notes; The publication said; The American publication asserts
  });

  it("records unnamed sources as unnamed, not as people", () => {
    expect(seed.speaker("A source familiar with the talks")?.kind).toBe("unnamed");
  });

  it("does not take a name inside a quotation, or a possessive, for the speaker", () => {
    // "Foreign Minister Sergey Lavrov echoed Putin's sentiment"
    expect(seed.said.filter((s) => s.startsWith("¶12 "))).toEqual(["¶12 Sergey Lavrov"]);
  });
});

describe("speaker attribution on other text", () => {
  it("handles inverted reports, 'according to', and negation", () => {
    const r = attribute([
      '"We will not retreat," said General Anna Kowalski, the army chief.',
      "Prices rose, according to the National Bank of Poland.",
      "Kowalski did not say when the troops would leave.",
      "She added that talks would continue.",
    ]);
    expect(r.said).toEqual(["¶1 Anna Kowalski", "¶2 National Bank of Poland", "¶4 Anna Kowalski"]);
  });
});

describe("roles on other text", () => {
  it("keeps a compound title whole: Trade Minister, Health Secretary", () => {
    const r = attribute([
      "Trade Minister Anna Kowalski said exports would grow.",
      "The Health Secretary Tom Reyes warned of a long winter.",
    ]);
    expect(r.speaker("Anna Kowalski")?.roles).toEqual(["Trade Minister"]);
    expect(r.speaker("Tom Reyes")?.roles).toEqual(["Health Secretary"]);
  });
});

describe("nameKey", () => {
  it("makes common transliterations meet", () => {
    expect(nameKey("Zelensky")).toBe(nameKey("Zelenskyy"));
    expect(nameKey("Zelenskiy")).toBe(nameKey("Zelensky"));
    expect(nameKey("Syrskyi")).toBe(nameKey("Syrsky"));
    expect(nameKey("Sergey")).toBe(nameKey("Sergei"));
    expect(nameKey("Podolyak")).toBe(nameKey("Podoliak"));
    expect(nameKey("Yuri")).toBe(nameKey("Yuriy"));
    expect(nameKey("Putin")).not.toBe(nameKey("Patin"));
  });
});
