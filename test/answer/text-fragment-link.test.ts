import { describe, expect, it } from "vitest";
import { encodeFragmentTerm, textFragmentLink } from "../../src/answer/text-fragment-link.ts";

describe("textFragmentLink", () => {
  it("puts a short quote whole into the fragment, without edge quote marks", () => {
    expect(textFragmentLink("https://x.org/a", '"after Kursk, the Russians backed away."')).toBe(
      "https://x.org/a#:~:text=after%20Kursk%2C%20the%20Russians%20backed%20away",
    );
  });

  it("uses textStart,textEnd for a long quote", () => {
    const link = textFragmentLink(
      "https://x.org/a#old",
      "Political columnist Tim Shipman noted that President Zelensky suggested that the Kursk operation aimed to secure future peace talks on Ukraine’s terms.",
    );
    expect(link).toBe(
      "https://x.org/a#:~:text=Political%20columnist%20Tim%20Shipman%20noted,peace%20talks%20on%20Ukraine%E2%80%99s%20terms",
    );
  });

  it("percent-encodes the directive's own characters: dash, comma, ampersand", () => {
    expect(encodeFragmentTerm("a-b, c & d")).toBe("a%2Db%2C%20c%20%26%20d");
  });
});
