import { describe, expect, it } from "vitest";
import {
  escapeDiscordMarkdown,
  maskedLinkTarget,
  ZERO_WIDTH_SPACE,
} from "../../adapters/discord/escape-discord-markdown.ts";
import { markupViolations, unescapeMarkdown } from "./discord-message-checks.ts";

const HOSTILE = [
  "*bold* **strong** __under__ _it_ ~~gone~~ ||spoiler|| `code` ```block```",
  "<@123456789012345678> <@!1> <@&2> <#3> </ask:4> <:emoji:5> <t:1700000000:R> <https://x.org>",
  "@everyone and @here and @Everyone",
  "> quoted\n# heading\n## h2\n-# subtext\n- item\n* item\n1. first\n  2. second",
  "[masked](https://evil.example) and a back\\slash \\*",
  "Plain words, with commas; colons: and (brackets) stay as they are.",
];

describe("escapeDiscordMarkdown", () => {
  it("leaves ordinary text alone", () => {
    const text = 'Putin said on Aug. 12 that talks (for now) are off: "not now".';
    expect(escapeDiscordMarkdown(text)).toBe(text);
  });

  it("escapes every inline special and neutralises mentions", () => {
    expect(escapeDiscordMarkdown("*a* _b_ ~c~ `d` |e| [f]")).toBe(
      "\\*a\\* \\_b\\_ \\~c\\~ \\`d\\` \\|e\\| \\[f\\]",
    );
    expect(escapeDiscordMarkdown("<@123>")).toBe("\\<@123>");
    expect(escapeDiscordMarkdown("@everyone")).toBe(`@${ZERO_WIDTH_SPACE}everyone`);
    expect(escapeDiscordMarkdown("hi @here")).toBe(`hi @${ZERO_WIDTH_SPACE}here`);
  });

  it("escapes block markup only at the start of a line", () => {
    expect(escapeDiscordMarkdown("> q\n# h\n-# s\n- l\n12. n")).toBe(
      "\\> q\n\\# h\n\\-# s\n\\- l\n12\\. n",
    );
    expect(escapeDiscordMarkdown("a - b # c > d 1. e")).toBe("a - b # c > d 1. e");
  });

  it("is undone exactly by what a reader sees, and leaves nothing active", () => {
    for (const text of HOSTILE) {
      const escaped = escapeDiscordMarkdown(text);
      expect(unescapeMarkdown(escaped)).toBe(text);
      expect(markupViolations({ content: escaped, allowed_mentions: { parse: [] } })).toEqual([]);
    }
  });

  it("has a checker that does catch raw markup, mentions and missing allowed_mentions", () => {
    const raw = markupViolations({
      content: "*x* @everyone <@1>\n> q",
      allowed_mentions: { parse: [] },
    });
    expect(raw.join("\n")).toMatch(/unescaped \*/);
    expect(raw.join("\n")).toMatch(/mass mention @everyone/);
    expect(raw.join("\n")).toMatch(/unescaped </);
    expect(raw.join("\n")).toMatch(/unescaped > at a line start/);
    expect(markupViolations({ content: "fine" })).toHaveLength(1);
    expect(
      markupViolations({ content: "fine", allowed_mentions: { parse: ["users"] } }),
    ).toHaveLength(1);
  });

  it("round-trips random strings of specials", () => {
    const alphabet = "ab \n*_~`|<>[]()#-.1@\\everyonehr:";
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 500; n++) {
      const text = Array.from(
        { length: Math.floor(random() * 40) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      const escaped = escapeDiscordMarkdown(text);
      expect(unescapeMarkdown(escaped)).toBe(text);
      expect(markupViolations({ content: escaped, allowed_mentions: { parse: [] } })).toEqual([]);
    }
  });

  it("keeps masked-link targets from ending early", () => {
    expect(maskedLinkTarget("https://en.wikipedia.org/wiki/Kursk_(city)#x y")).toBe(
      "https://en.wikipedia.org/wiki/Kursk_%28city%29#x%20y",
    );
  });
});
