import { foldForMatch } from "../text/normalize.ts";

/**
 * A key that common transliterations of one name share: Zelensky, Zelenskyy and
 * Zelenskiy; Syrskyi and Syrsky; Podolyak and Podoliak; Sergey and Sergei; Yuri, Yury
 * and Yuriy. Folded, every y becomes i, doubled letters collapse. Used on both sides of
 * a name lookup, never shown.
 */
export function nameKey(name: string): string {
  return foldForMatch(name)
    .replace(/['’]s\b/g, "")
    .replace(/[^\p{L}\p{N} ]+/gu, " ")
    .replace(/y/g, "i")
    .replace(/(\p{L})\1+/gu, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The key of a name's last word: what "Ushakov" alone is looked up by. */
export function surnameKey(name: string): string {
  const parts = nameKey(name).split(" ");
  return parts[parts.length - 1] ?? "";
}
