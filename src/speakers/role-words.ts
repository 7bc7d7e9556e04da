/** Abbreviated titles, and the one spelling variant roles are matched in. */
const ROLE_SPELLINGS: Record<string, string> = {
  advisor: "adviser",
  gen: "general",
  col: "colonel",
  lt: "lieutenant",
  capt: "captain",
  sgt: "sergeant",
  sen: "senator",
  gov: "governor",
  rep: "representative",
  prof: "professor",
};
const normRole = (w: string) => ROLE_SPELLINGS[w] ?? w;

/** Folded role words of a phrase: what "the Russian President" is matched on. */
export function roleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w && !/^(the|a|an|of|for|to|and|on|now)$/.test(w))
    .map(normRole);
}
