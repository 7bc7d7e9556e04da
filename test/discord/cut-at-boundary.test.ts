import { describe, expect, it } from "vitest";
import { cutAtBoundary } from "../../adapters/discord/cut-at-boundary.ts";
import { escapeDiscordMarkdown } from "../../adapters/discord/escape-discord-markdown.ts";

const TEXT =
  "The talks stalled in August. Kyiv said it would not negotiate under fire! Moscow called the offer “a provocation.” Nothing moved.";

describe("cutAtBoundary", () => {
  it("returns text that fits unchanged", () => {
    expect(cutAtBoundary(TEXT, TEXT.length)).toBe(TEXT);
  });

  it("cuts after the last whole sentence that fits", () => {
    expect(cutAtBoundary(TEXT, 80)).toBe(
      "The talks stalled in August. Kyiv said it would not negotiate under fire!",
    );
    expect(cutAtBoundary(TEXT, 120)).toBe(
      "The talks stalled in August. Kyiv said it would not negotiate under fire! Moscow called the offer “a provocation.”",
    );
  });

  it("falls back to a word boundary when no sentence keeps half the budget", () => {
    const long = `Short. ${"word ".repeat(40)}end.`;
    const cut = cutAtBoundary(long, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.length).toBeGreaterThan(30);
    expect(long.startsWith(cut)).toBe(true);
    expect(long[cut.length]).toBe(" ");
  });

  it("never cuts inside a word, whatever the budget", () => {
    for (let budget = 5; budget < TEXT.length; budget++) {
      const cut = cutAtBoundary(TEXT, budget);
      expect(cut.length).toBeLessThanOrEqual(budget);
      expect(TEXT.startsWith(cut)).toBe(true);
      expect(/\s/.test(TEXT[cut.length] ?? " ")).toBe(true);
    }
  });

  it("measures with the given function (the escaped length)", () => {
    const starry = "A *b* c. D *e* f. G *h* i.";
    const measure = (s: string) => escapeDiscordMarkdown(s).length;
    const cut = cutAtBoundary(starry, 12, measure);
    expect(cut).toBe("A *b* c.");
    expect(measure(cut)).toBeLessThanOrEqual(12);
  });

  it("cuts a single over-long word by characters, never splitting a surrogate pair", () => {
    const cut = cutAtBoundary("🙂".repeat(20), 9);
    expect(cut).toBe("🙂".repeat(4));
  });
});
