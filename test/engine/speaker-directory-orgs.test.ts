import { describe, expect, it } from "vitest";
import { type Article, createEngine } from "../../src/index.ts";

const article = (id: string, paragraphs: string[]): Article => ({
  id,
  title: id,
  publisher: "Wire",
  url: `https://news.example/${id}`,
  published: null,
  language: "en",
  paragraphs,
});

describe("organisations across articles", () => {
  it("merges one organisation's spellings into one entry, keeping a country apart", () => {
    const engine = createEngine({
      articles: [
        article("a", [
          "The Office of Energy Markets said on Monday it would open an inquiry.",
          "Ostravia's Defence Ministry said two drones were shot down.",
        ]),
        article("b", [
          "The OEM said the inquiry would take ninety days.",
          "The Ostravian Defence Ministry said the border was quiet.",
          "Ostravia said it would not attend the talks.",
        ]),
      ],
    });
    const names = engine.speakers().map((s) => s.name);
    expect(names.filter((n) => /OEM|Energy Markets/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /Defence Ministry/.test(n))).toHaveLength(1);
    const country = engine.speakers().find((s) => s.name === "Ostravia");
    expect(country?.kind).toBe("organization");
  });

  it("takes a two-word company name for a company once an article calls it one, across articles", async () => {
    const engine = createEngine({
      articles: [
        article("bid", [
          "Norvik Power, the country's largest utility, said on Monday it would buy a wind developer.",
          "Tomas Berg, a senior fellow at the Lindfors Institute, said the price was high.",
        ]),
        article("results", [
          "Norvik Power said its profit fell in the third quarter.",
          "Norvik said the takeover would close next year.",
        ]),
      ],
    });
    const company = engine.speakers().filter((s) => /Norvik/.test(s.name));
    expect(company.map((s) => [s.name, s.kind])).toEqual([["Norvik Power", "organization"]]);
    const fellow = engine.speakers().find((s) => s.name === "Tomas Berg");
    expect(fellow?.kind).toBe("person");
    // The short form names the company in a question too.
    const answer = await engine.ask("what did Norvik say about the takeover?");
    expect(answer.quotes[0]?.text).toContain("the takeover would close next year");
  });
});
