import { z } from "zod";

/** Longest short answer accepted from the model, in characters. */
export const MAX_ANSWER_CHARS = 1500;
/** Most claims read from one answer; the rest are ignored. */
export const MAX_CLAIMS = 8;

// Length limits are checked in code, not in these schemas: they are also sent to the server
// as the response format, and OpenAI's strict structured output rejects `maxLength`.

/** One claim of the model's answer: which passage supports it, and the exact words. */
export const ClaimSchema = z.object({
  passage_id: z.string().describe('The id of the passage quoted, e.g. "P2".'),
  quote: z
    .string()
    .describe("Words copied exactly from that passage, without changing any of them."),
});

/**
 * What the model must return. `answered: false` means the passages do not answer the
 * question; the engine then keeps its extractive answer.
 */
export const ModelAnswerSchema = z.object({
  answered: z.boolean().describe("false when the passages do not answer the question."),
  answer: z.string().describe("A short answer in plain words, at most three sentences."),
  claims: z.array(ClaimSchema).describe("The quotes that support the answer, most relevant first."),
});

export type ModelAnswer = z.infer<typeof ModelAnswerSchema>;
export type Claim = z.infer<typeof ClaimSchema>;

/** What the query rewriter must return: other ways to search for the question. */
export const RewriteSchema = z.object({
  queries: z
    .array(z.string())
    .describe("Up to three search queries in the corpus's language, best first."),
});

export type Rewrite = z.infer<typeof RewriteSchema>;
