import { readFileSync } from "node:fs";

/**
 * A word list kept as data beside the code (`src/text/lexicon/NAME.txt`): one group of
 * words a line, `#` starts a comment. Read once, when the module that needs it loads.
 */
export function loadWordGroups(name: string): string[][] {
  const text = readFileSync(new URL(`./lexicon/${name}.txt`, import.meta.url), "utf8");
  return text
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean)
    .map((line) => line.toLowerCase().split(/\s+/));
}

export function loadWordSet(name: string): Set<string> {
  return new Set(loadWordGroups(name).flat());
}
