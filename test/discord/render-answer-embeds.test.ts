import { describe, expect, it } from "vitest";
import { escapeDiscordMarkdown } from "../../adapters/discord/escape-discord-markdown.ts";
import {
  type DiscordReply,
  renderAnswerEmbeds,
} from "../../adapters/discord/render-answer-embeds.ts";
import type { Answer } from "../../src/index.ts";
import { hostileAnswers, rendererContract } from "../contract/renderer-contract.ts";
import {
  limitViolations,
  links,
  markupViolations,
  toWire,
  visibleText,
} from "./discord-message-checks.ts";
import { loadRealEngine, sampleQuestions } from "./real-engine.ts";

const engine = await loadRealEngine();
const answers: Answer[] = [];
for (const question of sampleQuestions(engine)) {
  answers.push(await engine.ask(question));
  answers.push(await engine.ask(question, { offset: 1, maxQuotes: 10 }));
}

rendererContract(
  {
    name: "Discord embeds",
    render: (answer) => toWire(renderAnswerEmbeds(answer, { answerId: "abcd1234" })),
    visibleText,
    links,
    limitViolations,
    markupViolations: (rendered) => markupViolations(rendered),
    cutsLongQuotes: true,
  },
  { answers },
);

describe("Discord embeds", () => {
  const answered = answers.find((a) => a.status === "answered" && a.quotes.length > 1) as Answer;

  it("renders one embed per quote: quote, speaker, linked title, publisher · date · ¶n", () => {
    const reply = renderAnswerEmbeds(answered);
    expect(reply.embeds).toHaveLength(answered.quotes.length);
    answered.quotes.forEach((quote, i) => {
      const embed = reply.embeds[i];
      expect(embed?.description).toBe(quote.text.replace(/[\\*_~`|<[\]]/g, "\\$&"));
      expect(embed?.url).toBe(quote.link);
      expect(embed?.title).toBe(quote.source.title);
      expect(embed?.footer?.text).toBe(
        [quote.source.publisher, quote.source.published, `¶${quote.source.paragraph}`]
          .filter(Boolean)
          .join(" · "),
      );
      if (quote.speaker) expect(embed?.author?.name.startsWith(quote.speaker)).toBe(true);
      else expect(embed?.author).toBeUndefined();
    });
    expect(reply.content).toBe(
      `**Question:** ${answered.question.replace(/[\\*_~`|<[\]]/g, "\\$&")}`,
    );
  });

  it("cuts a quote too long for an embed at a sentence, with … and a link to the whole quote", () => {
    const [hostile] = hostileAnswers();
    const reply = renderAnswerEmbeds(hostile as Answer);
    const long = reply.embeds[1]?.description as string;
    expect(long.length).toBeLessThanOrEqual(4096);
    expect(long).toMatch(
      /& co\. … \[whole quote\]\(https:\/\/example\.org\/a\?x=1&y=%3C2%3E#:~:text=[^)]+\)$/,
    );
    const kept = long.slice(0, long.indexOf(" … "));
    expect(escapeDiscordMarkdown(hostile?.quotes[1]?.text ?? "").startsWith(kept)).toBe(true);
    expect(limitViolations(toWire(reply))).toEqual([]);
  });

  it("fits ten long quotes into one message's 6,000 characters", () => {
    const many = hostileAnswers()[1] as Answer;
    const reply = renderAnswerEmbeds(many);
    expect(reply.embeds).toHaveLength(10);
    expect(limitViolations(toWire(reply))).toEqual([]);
    for (const embed of reply.embeds) expect(embed.description).toContain("…");
  });

  it("says not-found answers as plain content, without embeds", () => {
    const notFound = answers.find((a) => a.status === "not_found") as Answer;
    const reply = renderAnswerEmbeds(notFound, { answerId: "abcd1234" });
    expect(reply.embeds).toEqual([]);
    expect(visibleText(toWire(reply))).toBe(notFound.reason);
  });

  it("offers More quotes only when there are more, and always 👍 / 👎", () => {
    const ids = (reply: DiscordReply) =>
      reply.components.flatMap((row) => row.components.map((b) => b.custom_id));
    expect(ids(renderAnswerEmbeds({ ...answered, moreQuotes: 4 }, { answerId: "id1" }))).toEqual([
      "more:id1",
      "vote:id1:up",
      "vote:id1:down",
    ]);
    expect(ids(renderAnswerEmbeds({ ...answered, moreQuotes: 0 }, { answerId: "id1" }))).toEqual([
      "vote:id1:up",
      "vote:id1:down",
    ]);
    expect(renderAnswerEmbeds(answered).components).toEqual([]);
  });

  it("shows an LLM answer's own words, escaped, with the first page", () => {
    const llm = {
      ...answered,
      mode: "llm" as const,
      text: "Ushakov said *no* to talks @everyone.",
    };
    const first = renderAnswerEmbeds(llm);
    expect(first.content).toContain("Ushakov said \\*no\\* to talks @\u200beveryone.");
    const later = renderAnswerEmbeds(llm, { offset: 3 });
    expect(later.content).toContain(`**More quotes** (4–${3 + answered.quotes.length}) **for:**`);
    expect(later.content).not.toContain("Ushakov said");
  });
});
