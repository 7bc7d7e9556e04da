import type { Mention } from "./find-mentions.ts";
import type { Token } from "./tokens.ts";

export type Gender = "m" | "f";

const MALE = /^(he|him|his|himself)$/i;
const FEMALE = /^(she|her|hers|herself)$/i;
const HONORIFIC: Record<string, Gender> = {
  mr: "m",
  "mr.": "m",
  sir: "m",
  sheikh: "m",
  lord: "m",
  ms: "f",
  "ms.": "f",
  mrs: "f",
  "mrs.": "f",
  miss: "f",
  madam: "f",
  lady: "f",
  dame: "f",
};

interface Sentence {
  paragraph: number;
  tokens: readonly Token[];
  persons: readonly Mention[];
}

/**
 * The grammatical gender an article gives each person, from the evidence it offers: an
 * honorific before the name (Mr, Ms, Sheikh), or the pronouns outside quotations in a
 * sentence that names only that person, and in the next sentence of the paragraph if it
 * names no one. Unknown stays unknown: a pronoun then matches anyone.
 */
export function inferGenders(
  sentences: readonly Sentence[],
  keyOf: (m: Mention) => string,
): Map<string, Gender> {
  const votes = new Map<string, number>();
  const vote = (key: string, g: Gender, weight = 1) =>
    votes.set(key, (votes.get(key) ?? 0) + (g === "m" ? weight : -weight));
  sentences.forEach((s, i) => {
    for (const m of s.persons) {
      const before = s.tokens[m.from - 1]?.text.toLowerCase() ?? "";
      const g = HONORIFIC[before];
      if (g) vote(keyOf(m), g, 3);
    }
    const keys = new Set(s.persons.map(keyOf));
    if (keys.size !== 1) return;
    const [key] = keys as Set<string>;
    const first = s.persons[0]!.to;
    const next = sentences[i + 1];
    const scope = [
      ...s.tokens.slice(first),
      ...(next && next.paragraph === s.paragraph && next.persons.length === 0 ? next.tokens : []),
    ];
    for (const t of scope) {
      if (t.quoted) continue;
      if (MALE.test(t.text)) vote(key!, "m");
      else if (FEMALE.test(t.text)) vote(key!, "f");
    }
  });
  const genders = new Map<string, Gender>();
  for (const [key, v] of votes) if (v !== 0) genders.set(key, v > 0 ? "m" : "f");
  return genders;
}

const FEMALE_ROLE =
  /\b(spokeswoman|chairwoman|councilwoman|congresswoman|businesswoman|sportswoman|actress|queen|princess|duchess|baroness|countess|empress|madam|mother|wife|daughter|sister|grandmother)\b/i;
const MALE_ROLE =
  /\b(spokesman|chairman|councilman|congressman|businessman|sportsman|king|prince|duke|baron|count|emperor|father|husband|son|brother|grandfather)\b/i;

/** The gender a role gives its holder, if it is a gendered word: "spokeswoman", "king". */
export function genderOfRoles(roles: readonly string[]): Gender | null {
  const text = roles.join(" ");
  const f = FEMALE_ROLE.test(text);
  const m = MALE_ROLE.test(text);
  return f === m ? null : f ? "f" : "m";
}
