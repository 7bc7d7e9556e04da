import { describe, expect, it } from "vitest";
import { renderAnswerPlain } from "../../src/index.ts";
import { rendererContract } from "../contract/renderer-contract.ts";
import { seedEngine } from "../support/seed-engine.ts";

const engine = seedEngine();
const questions = [
  "What did Ushakov say?",
  "What did Putin say?",
  "What did Joe Biden say?",
  "Where were the secret negotiations supposed to take place?",
  "quotes by Podolyak",
];
const answers = await Promise.all(questions.map((q) => engine.ask(q)));

// The terminal has no markup and no length limit: what it must keep is every quote and citation.
rendererContract<string>(
  {
    name: "terminal (plain text)",
    render: renderAnswerPlain,
    visibleText: (text) => text,
    links: (text) => text.match(/https?:\/\/\S+/g) ?? [],
    limitViolations: () => [],
    markupViolations: () => [],
  },
  { answers },
);

describe("the more-quotes hint", () => {
  const speaker = answers[1]!;
  it("has a speaker answer with more quotes to hint at", () => {
    expect(speaker.speaker).toBe("Vladimir Putin");
    expect(speaker.moreQuotes).toBeGreaterThan(0);
  });

  it("offers “what else?” only where the face can follow up", () => {
    expect(renderAnswerPlain(speaker, { followUps: true })).toMatch(
      /\(1 more quote: ask "what else\?"\)$/,
    );
    for (const shown of [
      renderAnswerPlain(speaker),
      renderAnswerPlain(speaker, { followUps: false }),
    ]) {
      expect(shown).not.toMatch(/what else/i);
      expect(shown).toMatch(/\(1 more quote: ask a narrower question\)$/);
    }
  });

  it("never offers “what else?” for a topic, which has no speaker to follow", async () => {
    const topic = await engine.ask("negotiations");
    expect(topic.speaker).toBeNull();
    expect(topic.moreQuotes).toBeGreaterThan(0);
    const shown = renderAnswerPlain(topic, { followUps: true });
    expect(shown).not.toMatch(/what else/i);
    expect(shown).toContain(`(${topic.moreQuotes} more quotes: ask a narrower question)`);
  });

  it("says nothing more when every quote is shown", () => {
    const ushakov = answers[0]!;
    expect(ushakov.moreQuotes).toBe(0);
    expect(renderAnswerPlain(ushakov, { followUps: true })).not.toMatch(/more quote/);
  });
});
