import { loadavg } from "node:os";
import {
  type BenchQuestion,
  QUESTION_KINDS,
  type QuestionSpeaker,
} from "../corpus/generate-questions.ts";
import type { BenchSize } from "./bench-corpus.ts";

/** What every part of one size is told by bench/run.ts. */
export interface SizeOptions {
  size: BenchSize;
  seed: number;
  cacheDir: string;
  questions: number;
  warmup: number;
}

/** What a part reports about the corpus it ran on. */
export interface CorpusFacts {
  size: BenchSize;
  articles: number;
  paragraphs: number;
  /** Seconds spent generating the synthetic corpus (0 if cached): never part of cold start. */
  corpusPreparedSeconds: number;
}

export function countKinds(
  questions: readonly BenchQuestion[],
): Record<BenchQuestion["kind"], number> {
  const counts = Object.fromEntries(QUESTION_KINDS.map((k) => [k, 0])) as Record<
    BenchQuestion["kind"],
    number
  >;
  for (const q of questions) counts[q.kind]++;
  return counts;
}

/** Speakers for questions: the generator's for synthetic corpora, else the engine's own. */
export function questionSpeakers(
  generated: readonly QuestionSpeaker[],
  engineSpeakers: readonly { name: string; kind: string; roles?: readonly string[] }[],
): QuestionSpeaker[] {
  if (generated.length > 0) return [...generated];
  return engineSpeakers
    .filter((s) => s.kind === "person")
    .map((s) => (s.roles?.[0] ? { name: s.name, role: s.roles[0] } : { name: s.name }));
}

/** The 1-minute load average, so a reader can tell a busy machine's figures apart. */
export function currentLoad(): number {
  return loadavg()[0] ?? 0;
}
