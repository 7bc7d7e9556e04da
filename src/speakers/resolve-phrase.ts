import { isNameWord, type Mention } from "./find-mentions.ts";
import type { Resolver, Unit } from "./find-subject.ts";
import { GROUP_NOUNS, ORG_HEADS, OUTLET_NOUNS, PRONOUNS, ROLE_WORDS } from "./lexicon.ts";
import { roleWords } from "./role-words.ts";

/**
 * What a subject phrase refers to, once findSpeaker has cut it out of its sentence: a
 * pronoun, a spokesperson for someone, an outlet, officials as a body, an organisation
 * described by its kind, an unnamed source, a role, or a lone name.
 */

export interface Subject {
  key: string;
  /** "name" for a name or an organisation; otherwise the weaker rule that found it. */
  how: string;
}

/** Phrases that mark a source who is deliberately not named. */
export const ANONYMITY =
  /\b(condition of anonymity|on condition that|not (authori[sz]ed|allowed|permitted) to (speak|discuss|comment)|asked not to be (named|identified)|declined to be (named|identified)|(who|would) not be named)\b/i;
/** An indefinite subject: "A senior official", "two people familiar with", "one adviser". */
const INDEFINITE =
  /^(a|an|one|two|three|four|five|several|some|other|another|many|few|a second|a third|unnamed)\b/i;
/** Officials as a body, qualified: "Ruritanian officials", "regional health officials", "the authorities in X". */
const OFFICIALS =
  /^(?:the\s+)?(?:senior\s+|top\s+)?(?:local|regional|federal|provincial|municipal|state|city|\p{Lu}[\p{L}-]*)\s+(?:(?:health|government|military|security|police|school|transport|energy)\s+)?(?:officials|authorities)$|^the authorities(?: in \p{Lu}[\p{L}-]*)?$/u;

const JURISDICTION = /^(senior|top|local|regional|federal|provincial|municipal|state|city)$/i;

/** What an unnamed source is usually called: "a senior official", "two people". */
const SOURCE_NOUNS =
  /\b(officials?|sources?|diplomats?|people|person|insiders?|aides?|advisers?|advisors?|managers?|members?|residents?|employees?|staff|officers?|executives?|distributors?|analysts?|traders?|bankers?|lawyers?)\b/i;
const SPOKESPERSON =
  /^(?:(?:a|an|the)\s+)?(?:(\S+)\s+)?spokes(?:man|woman|person)(?:\s+for\s+(.+))?$/i;

export function resolveMention(m: Mention, r: Resolver): string {
  if (m.kind === "organization") return r.org(m).key;
  const key = r.keyOf(m);
  return r.speakers.has(key) ? key : r.person(m.name).key;
}

/** "A senior official who spoke on condition of anonymity", "two people familiar with...". */
export function anonymousSource(phrase: string, r: Resolver, marked = false): string | null {
  const p = phrase.trim().replace(/^(but|and|while|yet)\s+/i, "");
  if (p.length === 0 || p.split(/\s+/).length > 12) return null;
  if (!INDEFINITE.test(p) && !(marked && /^(the|a|an)\b/i.test(p))) return null;
  // "two engineers familiar with the project": whoever they are, they are not named.
  const informed = /\b(familiar with|close to|briefed on|with knowledge of|involved in)\b/i.test(p);
  if (!marked && !informed && !SOURCE_NOUNS.test(p)) return null;
  return r.unnamed(p.replace(/\s+who\b.*$/i, ""));
}

/** "..., said a senior diplomat briefed on the talks, who spoke on condition of anonymity." */
export function anonymousAfter(after: string, sentence: string, r: Resolver): Subject | null {
  const key = anonymousSource(after, r, ANONYMITY.test(sentence) && INDEFINITE.test(after.trim()));
  return key ? { key, how: "unnamed" } : null;
}

/** "A spokeswoman for the mayor" speaks for the mayor; "a ministry spokesman" for the ministry. */
export function spokespersonFor(chunk: string, unit: Unit, r: Resolver): string | null {
  const m = SPOKESPERSON.exec(chunk.trim());
  if (!m) return null;
  const forWhom = m[2]?.trim();
  if (forWhom) {
    const words = roleWords(forWhom.replace(/\S+['’]s\s/g, ""));
    const head = words[words.length - 1] ?? "";
    if (ORG_HEADS.has(head)) return r.orgByHead(words);
    return r.byRole(words, unit.paragraph);
  }
  const modifier = m[1]?.toLowerCase();
  if (modifier && ORG_HEADS.has(modifier)) return r.orgByHead([modifier]);
  return null;
}

export function resolvePhrase(
  chunk: string,
  unit: Unit,
  r: Resolver,
  before = unit.end,
): Subject | null {
  if (chunk.length === 0 || chunk.split(/\s+/).length > 8) return null;
  const lower = chunk.toLowerCase();
  // "It said": the organisation last named or speaking, in this paragraph or the last.
  if (lower === "it") {
    const key = r.byIt(unit.paragraph);
    return key ? { key, how: "pronoun" } : null;
  }
  if (PRONOUNS.has(lower)) {
    // A name earlier in the same sentence first ("X, 35, came back ... she said").
    const earlier = unit.persons.filter(
      (m) => !m.possessive && unit.tokens[m.to - 1]!.end <= before && !unit.tokens[m.from]!.quoted,
    );
    for (let i = earlier.length - 1; i >= 0; i--) {
      const key = r.keyOf(earlier[i]!);
      if (r.speakers.has(key) && r.fitsPronoun(key, lower)) return { key, how: "pronoun" };
    }
    const key = r.byPronoun(lower, unit.paragraph);
    return key ? { key, how: "pronoun" } : null;
  }
  const spoke = spokespersonFor(chunk, unit, r);
  if (spoke) return { key: spoke, how: "spokesperson" };
  const words = roleWords(chunk.replace(/\S+['’]s\s/g, ""));
  // "The publication said": the outlet last named. "The agency" may be an outlet or a
  // government agency: one the article named as an agency goes first.
  const outletNoun = words.find((w) => OUTLET_NOUNS.has(w));
  if (outletNoun && r.lastOrg) {
    const named = ORG_HEADS.has(outletNoun) ? r.orgByHead([outletNoun]) : null;
    return { key: named ?? r.lastOrg, how: named ? "organization" : "outlet" };
  }
  if (/^(an? )?sources?\b/i.test(chunk)) return { key: r.unnamed(chunk), how: "unnamed" };
  const head = words[words.length - 1] ?? "";
  // "Ruritanian officials said", "the authorities in Dunmore say": an institution speaking.
  // A capitalised word that opens the sentence is proper only if the article capitalises
  // it elsewhere too ("Ruritanian officials", not "Health officials say").
  const opening = /^\p{Lu}/u.test(chunk) && !/^the\s/i.test(chunk) ? chunk.split(/\s/)[0]! : null;
  const common = opening && JURISDICTION.test(opening);
  const asWritten =
    common || /^The\s/.test(chunk) ? chunk.replace(/^\p{Lu}/u, (c) => c.toLowerCase()) : chunk;
  const officials = OFFICIALS.exec(asWritten) && (!opening || common || r.isProper(opening));
  if (officials && !INDEFINITE.test(chunk))
    return { key: r.describedOrg(chunk), how: "organization" };
  // "Arvelia's air force says": a possessor and the kind of body it has.
  if (/^\p{Lu}[\p{L}-]*['’]s(\s+\p{Ll}[\p{L}-]*)+$/u.test(chunk) && ORG_HEADS.has(head))
    return { key: r.describedOrg(chunk), how: "organization" };
  // "The ministry said", "the union says": the organisation of that kind named last.
  if (/^(the|its|their)\s/i.test(chunk) && ORG_HEADS.has(head) && !ROLE_WORDS.has(head)) {
    // "Its foreign ministry": only an organisation named just before can be the one meant.
    const possessed = /^(its|their)\s/i.test(chunk);
    const named = r.orgByHead(
      words.filter((w) => !/^(its|their)$/.test(w)),
      possessed ? unit.paragraph - 1 : 0,
    );
    if (named) return { key: named, how: "organization" };
    // "The regional grid operator": an organisation described but not named.
    if (/^the\s/i.test(chunk) && words.length >= 2)
      return { key: r.describedOrg(chunk), how: "organization" };
    return null;
  }
  // "three officials said"; "the diplomat said" after "a senior Western diplomat" spoke.
  const anon = anonymousSource(chunk, r);
  if (anon) return { key: anon, how: "unnamed" };
  if (/^the\s/i.test(chunk)) {
    const earlier = r.unnamedLike(words.filter((w) => w !== "the"));
    if (earlier) return { key: earlier, how: "unnamed" };
  }
  const byRole = r.byRole(words, unit.paragraph);
  if (byRole) return { key: byRole, how: "role" };
  // A lone capitalised word no rule knows ("Putin said" in an article without his full
  // name, "Ruritania says" for its government), unless it is a common noun opening the
  // sentence ("Critics say").
  const token = unit.tokens.find((t) => t.text === chunk);
  if (
    /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?$/u.test(chunk) &&
    token &&
    isNameWord(token) &&
    !GROUP_NOUNS.has(lower) &&
    !ROLE_WORDS.has(lower.replace(/s$/, ""))
  ) {
    return { key: r.person(chunk).key, how: "name" };
  }
  return null;
}
