import { z } from "zod";
import type { AskContext } from "../engine/engine.ts";

/**
 * One line of `npm run ask -- --jsonl`: a JSON object carrying the question and, for a
 * follow-up, what the conversation remembers. Other top-level fields (an `id`, expected
 * answers) are ignored, so an evaluation file can be piped in as it is; a misspelt
 * context field is an error rather than a silently lost follow-up.
 */
export const QuestionLineSchema = z.object({
  question: z.string(),
  context: z
    .strictObject({
      speaker: z.string().nullable().optional(),
      seen: z
        .array(
          z.strictObject({
            articleId: z.string().min(1),
            paragraph: z.number().int().positive(),
            start: z.number().int().nonnegative(),
          }),
        )
        .optional(),
    })
    .optional(),
});

export type QuestionLine =
  | { ok: true; question: string; context?: AskContext }
  | { ok: false; reason: string };

/**
 * A line that starts with "{" is read as a JSON question line; any other line is the
 * question itself, exactly as before JSON lines were accepted.
 */
export function parseQuestionLine(line: string): QuestionLine {
  const text = line.trim();
  if (!text.startsWith("{")) return { ok: true, question: line };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `Not valid JSON (a line that starts with "{" is read as a JSON question line): ${(error as Error).message}`,
    };
  }
  const parsed = QuestionLineSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join(".") || "(line)"}: ${issue.message}`,
    );
    return {
      ok: false,
      reason: `Not a question line (${problems.join("; ")}). Expected {"question": "...", "context": {"speaker": "...", "seen": [{"articleId": "...", "paragraph": 1, "start": 0}]}}.`,
    };
  }
  const { question, context } = parsed.data;
  return context ? { ok: true, question, context } : { ok: true, question };
}
