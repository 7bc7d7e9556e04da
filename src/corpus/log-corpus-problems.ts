import type { Logger } from "../log/logger.ts";
import type { CorpusProblem } from "./load-corpus.ts";

/** One warning per file skipped, and per file used with something to fix. */
export function logCorpusProblems(
  logger: Logger,
  problems: readonly CorpusProblem[],
  warnings: readonly CorpusProblem[] = [],
): void {
  for (const { path, message } of problems) {
    logger.warn({ path, problem: message }, "skipped corpus file");
  }
  for (const { path, message } of warnings) {
    logger.warn({ path, problem: message }, "check corpus file");
  }
}
