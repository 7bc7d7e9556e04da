import { foldForMatch } from "../text/normalize.ts";

/**
 * A key that common transliterations of one name share: Zelensky, Zelenskyy and
 * Zelenskiy; Syrskyi and Syrsky; Podolyak and Podoliak; Sergey and Sergei; Yuri, Yury
 * and Yuriy. Folded, every y becomes i, doubled letters collapse. Used on both sides of
 * a name lookup, never shown.
 */
export function nameKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    if (NAME_KEYS.size < 200_000) NAME_KEYS.set(name, key);
  }
  return key;
}

// Every word of the corpus is keyed at start-up, and words repeat: key each once.
const NAME_KEYS = new Map<string, string>();

function computeNameKey(name: string): string {
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
  // Split on spaces before keying: "Ashby-Clarke" is one surname, not "Berg".
  const parts = name.trim().split(/\s+/);
  return nameKey(parts[parts.length - 1] ?? "");
}
