import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Answer } from "../answer/answer.ts";
import type { Article } from "../corpus/article.ts";
import { loadCorpus } from "../corpus/load-corpus.ts";
import type { CorpusSnapshot } from "../engine/corpus-snapshot.ts";
import type { Engine } from "../engine/engine.ts";
import { analyzeQuestion } from "../text/analyze.ts";

export const DEV_KINDS = [
  "speaker",
  "role",
  "speaker_topic",
  "fact",
  "who_said",
  "paraphrase",
  "typo",
  "followup",
  "other_language",
  "chatty",
  "unanswerable",
] as const;
export type DevKind = (typeof DEV_KINDS)[number];

export const DevQuestionSchema = z.object({
  id: z.string(),
  kind: z.enum(DEV_KINDS),
  question: z.string(),
  /** Sentences that answer it: one quote must contain one `must`. Empty: not_found is right. */
  answers: z.array(z.object({ article: z.string(), must: z.string() })),
  context: z.object({ speaker: z.string() }).optional(),
  note: z.string().optional(),
});
export type DevQuestion = z.infer<typeof DevQuestionSchema>;

export const DevSpeakerSchema = z.object({
  name: z.string(),
  kind: z.enum(["person", "organization"]),
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
  /** Paragraphs (1-based) where the source speaks, per article id. */
  articles: z.record(z.string(), z.array(z.number().int().positive())),
});
export type DevSpeaker = z.infer<typeof DevSpeakerSchema>;

export interface DevSet {
  articles: Article[];
  questions: DevQuestion[];
  speakers: DevSpeaker[];
}

const parseLines = <T>(text: string, schema: z.ZodType<T>): T[] =>
  text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => schema.parse(JSON.parse(l)));

/** Reads a development set folder: `articles/`, `questions.jsonl`, `speakers.jsonl`. */
export async function loadDevSet(dir: string): Promise<DevSet> {
  const { articles, problems } = await loadCorpus(join(dir, "articles"));
  if (problems.length > 0)
    throw new Error(`dev set articles do not load: ${problems.map((p) => p.path).join(", ")}`);
  return {
    articles,
    questions: parseLines(await readFile(join(dir, "questions.jsonl"), "utf8"), DevQuestionSchema),
    speakers: parseLines(await readFile(join(dir, "speakers.jsonl"), "utf8"), DevSpeakerSchema),
  };
}

/** Case, and curly against straight quotes, do not matter when matching a `must`. */
export const foldSnippet = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"');

export interface DevResult {
  question: DevQuestion;
  answer: Answer;
  /** Answerable: answered with a quote containing a `must`. Unanswerable: not_found. */
  right: boolean;
}

export interface KindScore {
  kind: DevKind;
  questions: number;
  right: number;
  /** Share of the kind's questions refused (not_found). */
  abstained: number;
}

export interface DevReport {
  results: DevResult[];
  kinds: KindScore[];
  /** Answerable questions answered right. */
  answeredRight: number;
  /** Unanswerable questions refused. */
  refusedRight: number;
  /** Answerable questions refused. */
  wronglyRefused: number;
  verbatimRate: number;
}

/** Whether `answer` is right for `q` (see DevResult.right). */
export function isRight(q: DevQuestion, answer: Answer): boolean {
  if (q.answers.length === 0) return answer.status === "not_found";
  if (answer.status !== "answered") return false;
  return answer.quotes.some((quote) =>
    q.answers.some(
      (a) =>
        quote.source.articleId === a.article &&
        foldSnippet(quote.text).includes(foldSnippet(a.must)),
    ),
  );
}

/** Asks every question (follow-ups with their context) and scores the answers per kind. */
export async function evaluateDevSet(
  engine: Engine,
  set: Pick<DevSet, "articles" | "questions">,
): Promise<DevReport> {
  const byId = new Map(set.articles.map((a) => [a.id, a]));
  const results: DevResult[] = [];
  let quotes = 0;
  let verbatim = 0;
  for (const q of set.questions) {
    const answer = await engine.ask(q.question, {
      maxQuotes: 3,
      ...(q.context ? { context: { speaker: q.context.speaker } } : {}),
    });
    for (const quote of answer.quotes) {
      quotes++;
      const body = byId.get(quote.source.articleId)?.paragraphs[quote.source.paragraph - 1];
      if (body?.slice(quote.start, quote.end) === quote.text) verbatim++;
    }
    results.push({ question: q, answer, right: isRight(q, answer) });
  }
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  const answerable = results.filter((r) => r.question.answers.length > 0);
  const unanswerable = results.filter((r) => r.question.answers.length === 0);
  return {
    results,
    kinds: DEV_KINDS.map((kind) => {
      const of = results.filter((r) => r.question.kind === kind);
      return {
        kind,
        questions: of.length,
        right: share(of.filter((r) => r.right).length, of.length),
        abstained: share(of.filter((r) => r.answer.status === "not_found").length, of.length),
      };
    }).filter((k) => k.questions > 0),
    answeredRight: share(answerable.filter((r) => r.right).length, answerable.length),
    refusedRight: share(unanswerable.filter((r) => r.right).length, unanswerable.length),
    wronglyRefused: share(
      answerable.filter((r) => r.answer.status === "not_found").length,
      answerable.length,
    ),
    verbatimRate: share(verbatim, quotes),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The per-kind table and totals, then each wrong answer when `misses` is set. */
export function formatDevReport(report: DevReport, options: { misses?: boolean } = {}): string {
  const rows = report.kinds.map(
    (k) =>
      `| ${k.kind.padEnd(14)} | ${String(k.questions).padStart(3)} | ${pct(k.right).padStart(6)} | ${pct(k.abstained).padStart(6)} |`,
  );
  const lines = [
    "| kind           |   n |  right | refused |",
    "| -------------- | --- | ------ | ------- |",
    ...rows,
    "",
    `answerable answered right: ${pct(report.answeredRight)}`,
    `answerable wrongly refused: ${pct(report.wronglyRefused)}`,
    `unanswerable refused: ${pct(report.refusedRight)}`,
    `verbatim rate: ${pct(report.verbatimRate)}`,
  ];
  if (options.misses) {
    lines.push("", "wrong answers:");
    for (const r of report.results.filter((x) => !x.right)) {
      const got =
        r.answer.status === "answered"
          ? r.answer.quotes
              .map((q) => `${q.source.articleId}¶${q.source.paragraph} "${q.text.slice(0, 70)}"`)
              .join(" | ")
          : `not_found: ${r.answer.reason?.split(". ")[0]}`;
      lines.push(
        `  - ${r.question.id} [${r.question.kind}] ${r.question.question}`,
        `      → ${got}`,
      );
    }
  }
  return lines.join("\n");
}

/**
 * The floor the engine is measured against: a plain BM25 over sentences (paragraph as
 * weak context), top 3, never refusing. The share of answerable questions for which one
 * of its three sentences holds a `must`.
 */
export function plainBm25Baseline(
  snapshot: Pick<CorpusSnapshot, "index" | "passages" | "articles">,
  questions: readonly DevQuestion[],
): number {
  const answerable = questions.filter((q) => q.answers.length > 0);
  const right = answerable.filter((q) => {
    const hits = snapshot.index.search(analyzeQuestion(q.question), { limit: 3 });
    return hits.some((h) => {
      const p = snapshot.passages[h.id]!;
      const article = snapshot.articles[p.article]!;
      const text = foldSnippet(article.paragraphs[p.paragraph - 1]!.slice(p.start, p.end));
      return q.answers.some((a) => a.article === article.id && text.includes(foldSnippet(a.must)));
    });
  });
  return answerable.length === 0 ? 1 : right.length / answerable.length;
}
