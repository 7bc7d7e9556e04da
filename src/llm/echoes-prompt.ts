import { foldForMatch } from "../text/normalize.ts";

/** How many words in a row the model's text may share with its instructions. */
export const ECHO_RUN_WORDS = 8;

/**
 * Whether `text` repeats a run of at least `runWords` consecutive words of `prompt` (after
 * the matching normalisation): the sign of a model talked into reciting its instructions.
 */
export function echoesPrompt(text: string, prompt: string, runWords = ECHO_RUN_WORDS): boolean {
  const runs = new Set(wordRuns(prompt, runWords));
  return wordRuns(text, runWords).some((run) => runs.has(run));
}

function wordRuns(text: string, size: number): string[] {
  const words = foldForMatch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  const runs: string[] = [];
  for (let i = 0; i + size <= words.length; i++) runs.push(words.slice(i, i + size).join(" "));
  return runs;
}
