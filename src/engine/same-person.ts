import { NAME_PARTICLES } from "../speakers/lexicon.ts";
import { articleRoleShape, matchedMods, roleScore } from "../speakers/match-role.ts";
import { nameWordsAlike } from "../speakers/name-match.ts";
import { BLOCKING_WORDS, ROLE_NOUNS } from "../speakers/role-lexicon.ts";

/** Heads of roles held now and formerly: a former president is not the president. */
function roleHeads(roles: readonly string[]): { now: Set<string>; former: Set<string> } {
  const now = new Set<string>();
  const former = new Set<string>();
  for (const role of roles) {
    const words = role.toLowerCase().split(/[^\p{L}]+/u);
    const past = words.some((w) => w === "former" || w === "ex");
    for (const w of words)
      if (ROLE_NOUNS.has(w) && !BLOCKING_WORDS.has(w)) (past ? former : now).add(w);
  }
  return { now, former };
}

function rolesConflict(a: readonly string[], b: readonly string[]): boolean {
  const ra = roleHeads(a);
  const rb = roleHeads(b);
  const clash = (x: typeof ra, y: typeof rb) =>
    [...x.former].some((h) => y.now.has(h) && !x.now.has(h));
  return clash(ra, rb) || clash(rb, ra);
}

/**
 * Whether some role of each names the same office ("minister" and "Interior Minister",
 * "General" and "commander"), with a qualifier in common when both are qualified.
 */
function rolesAgree(a: readonly string[], b: readonly string[]): boolean {
  for (const ra of a) {
    const sa = articleRoleShape(ra);
    if (!sa) continue;
    for (const rb of b) {
      const sb = articleRoleShape(rb);
      if (!sb || Math.max(roleScore(sa, sb), roleScore(sb, sa)) < 2) continue;
      // A justice minister is not an energy minister: qualifiers, when both give some, agree.
      const shared = Math.max(matchedMods(sa, sb).length, matchedMods(sb, sa).length);
      if (shared >= Math.min(sa.mods.length, sb.mods.length, 1)) return true;
    }
  }
  return false;
}

/** One spelling of a name, with every role the articles give under it. */
export interface Spelling {
  words: string[];
  roles: string[];
}

/**
 * Whether two full person names are spellings of one person. The surname must be alike
 * and the given names alike word for word. The same given names need only roles that do
 * not clash (Ivanov and Ivanoff, one of them without a role); different given names
 * (Mykhailo and Mikhail, Yusuf and Yousef) need a role in common as well, since a
 * surname is often shared by relatives and namesakes (Anna and Hanna, Ivan and Ivana).
 */
export function samePerson(a: Spelling, b: Spelling): boolean {
  if (a.words.length < 2 || b.words.length < 2) return false;
  if (!nameWordsAlike(a.words.at(-1)!, b.words.at(-1)!)) return false;
  const ga = a.words.slice(0, -1).filter((w) => !NAME_PARTICLES.has(w));
  const gb = b.words.slice(0, -1).filter((w) => !NAME_PARTICLES.has(w));
  if (ga.length === 0 || gb.length === 0) return false;
  // "Ines Faris" and "Ines Leila Faris": the shorter's given names begin the longer's.
  const [short, long] = ga.length <= gb.length ? [ga, gb] : [gb, ga];
  const alike = short.every((g, k) => nameWordsAlike(g, long[k]!));
  if (!alike || rolesConflict(a.roles, b.roles)) return false;
  if (rolesAgree(a.roles, b.roles)) return true;
  const sameGiven = ga.join(" ") === gb.join(" ");
  return sameGiven && (a.roles.length === 0 || b.roles.length === 0);
}
