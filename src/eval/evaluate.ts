import { z } from "zod";
import type { Answer } from "../answer/answer.ts";
import type { Article } from "../corpus/article.ts";
import type { Engine } from "../engine/engine.ts";

export const EvalQuestionSchema = z.object({
  question: z.string(),
  kind: z.enum(["speaker", "fact", "paraphrase", "unanswerable"]),
  /** Paragraphs a right answer may cite; empty for unanswerable questions. */
  paragraphs: z.array(z.number().int().positive()),
  speaker: z.string().optional(),
});
export const EvalSetSchema = z.array(EvalQuestionSchema).min(1);
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

export interface EvalResult {
  question: EvalQuestion;
  answer: Answer;
  hit1: boolean;
  hit3: boolean;
  abstainedRightly: boolean;
  verbatim: number;
}

export interface EvalReport {
  questions: number;
  answerable: number;
  hitAt1: number;
  hitAt3: number;
  abstentionAccuracy: number;
  verbatimRate: number;
  results: EvalResult[];
}

/**
 * Asks every question and scores the answers: hit@k (a cited paragraph among the first k
 * quotes), abstention accuracy (answerable answered, unanswerable not_found) and the
 * verbatim rate (quotes whose text is their paragraph's own characters).
 */
export async function evaluate(
  engine: Engine,
  articles: readonly Article[],
  set: readonly EvalQuestion[],
): Promise<EvalReport> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const results: EvalResult[] = [];
  let quotes = 0;
  let verbatim = 0;
  for (const q of set) {
    const answer = await engine.ask(q.question, { maxQuotes: 3 });
    const cited = answer.quotes.map((x) => x.source.paragraph);
    const expected = new Set(q.paragraphs);
    let ok = 0;
    for (const quote of answer.quotes) {
      quotes++;
      const body = byId.get(quote.source.articleId)?.paragraphs[quote.source.paragraph - 1];
      if (body?.slice(quote.start, quote.end) === quote.text) {
        verbatim++;
        ok++;
      }
    }
    const answerable = q.kind !== "unanswerable";
    results.push({
      question: q,
      answer,
      hit1: answerable && cited.length > 0 && expected.has(cited[0]!),
      hit3: answerable && cited.slice(0, 3).some((p) => expected.has(p)),
      abstainedRightly: answerable ? answer.status === "answered" : answer.status === "not_found",
      verbatim: ok,
    });
  }
  const answerable = results.filter((r) => r.question.kind !== "unanswerable");
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    questions: results.length,
    answerable: answerable.length,
    hitAt1: share(answerable.filter((r) => r.hit1).length, answerable.length),
    hitAt3: share(answerable.filter((r) => r.hit3).length, answerable.length),
    abstentionAccuracy: share(results.filter((r) => r.abstainedRightly).length, results.length),
    verbatimRate: share(verbatim, quotes),
    results,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(report: EvalReport): string {
  const misses = report.results
    .filter((r) => (r.question.kind === "unanswerable" ? !r.abstainedRightly : !r.hit1))
    .map((r) => {
      const got =
        r.answer.status === "answered"
          ? `cited ¶${r.answer.quotes.map((q) => q.source.paragraph).join(",")}`
          : "not_found";
      const want =
        r.question.kind === "unanswerable" ? "not_found" : `¶${r.question.paragraphs.join(",")}`;
      return `  - [${r.question.kind}] ${r.question.question} → ${got} (want ${want})`;
    });
  return [
    `questions: ${report.questions} (${report.answerable} answerable)`,
    `hit@1: ${pct(report.hitAt1)}`,
    `hit@3: ${pct(report.hitAt3)}`,
    `abstention accuracy: ${pct(report.abstentionAccuracy)}`,
    `verbatim rate: ${pct(report.verbatimRate)}`,
    ...(misses.length > 0 ? ["misses at 1:", ...misses] : []),
  ].join("\n");
}
