import { nameKey } from "../speakers/name-key.ts";
import { ROLE_NOUNS } from "../speakers/role-lexicon.ts";

const isTitleWord = (w: string) => ROLE_NOUNS.has(nameKey(w)) || ROLE_NOUNS.has(w.toLowerCase());

/**
 * "Commissioner Ann Holloway", "Financial Officer Wei Zhang": capitalised words up to
 * a role noun before a name of two or more words are the person's title, not their name.
 */
export function splitTitle(name: string): { name: string; title: string | null } {
  const parts = name.split(/\s+/);
  let cut = 0;
  for (let i = 0; i < parts.length - 2; i++) {
    if (!/^\p{Lu}/u.test(parts[i]!)) break;
    if (isTitleWord(parts[i]!)) cut = i + 1;
  }
  if (cut === 0) return { name, title: null };
  return { name: parts.slice(cut).join(" "), title: parts.slice(0, cut).join(" ") };
}
