import { describe, expect, it } from "vitest";
import { parseQuestionLine } from "../../src/cli/parse-question-line.ts";

describe("parseQuestionLine", () => {
  it("takes a plain line as the question, untouched", () => {
    expect(parseQuestionLine("  What did Lavrov say? ")).toEqual({
      ok: true,
      question: "  What did Lavrov say? ",
    });
    expect(parseQuestionLine("What about {braces}?")).toEqual({
      ok: true,
      question: "What about {braces}?",
    });
  });

  it("reads a JSON line's question and context, ignoring other top-level fields", () => {
    const seen = [{ articleId: "kursk-negotiation-landscape", paragraph: 13, start: 0 }];
    expect(
      parseQuestionLine(
        JSON.stringify({
          id: "c051",
          kind: "followup",
          question: "what else did he say?",
          context: { speaker: "Yuri Ushakov", seen },
        }),
      ),
    ).toEqual({
      ok: true,
      question: "what else did he say?",
      context: { speaker: "Yuri Ushakov", seen },
    });
    expect(parseQuestionLine('{"question": "Who?"}')).toEqual({ ok: true, question: "Who?" });
    expect(parseQuestionLine('{"question": "Who?", "context": {"speaker": null}}')).toEqual({
      ok: true,
      question: "Who?",
      context: { speaker: null },
    });
  });

  it.each([
    ["{oops", /^Not valid JSON/],
    ['{"q": "Who?"}', /question: .*expected string/i],
    ['{"question": "Who?", "context": {"speaker": 3}}', /context\.speaker/],
    ['{"question": "Who?", "context": {"who": "A"}}', /Unrecognized key: "who"/],
    [
      '{"question": "Who?", "context": {"seen": [{"articleId": "a", "paragraph": 1.5, "start": 0}]}}',
      /context\.seen\.0\.paragraph/,
    ],
    [
      '{"question": "Who?", "context": {"seen": [{"articleId": "a", "paragraph": 1, "start": -1}]}}',
      /context\.seen\.0\.start/,
    ],
  ])("refuses %s with a reason naming what is wrong", (line, reason) => {
    const parsed = parseQuestionLine(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
