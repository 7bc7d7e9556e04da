import type { ArticleSpeaker } from "./attribute-speakers.ts";
import { isNameWord, type Mention } from "./find-mentions.ts";
import { OUTLET_NOUNS, PRONOUNS, REPORTING_VERBS } from "./lexicon.ts";
import { nameKey } from "./name-key.ts";
import type { Token } from "./tokens.ts";

/**
 * Who a sentence reports: the subject of its reporting verb, or what follows
 * "according to". The rules behind attributeSpeakers, one sentence at a time.
 */

const NEGATION =
  /^(not|never|n't|hasn't|hadn't|haven't|didn't|doesn't|don't|won't|wouldn't|hasn’t|didn’t|won’t|refused)$/i;
const NOUN_DETERMINERS = /^(the|a|an|these|those|such|his|her|their|its|our|media|new|press)$/i;
const normRole = (w: string) => (w === "advisor" ? "adviser" : w);

/** Folded role words of a phrase: what "the Russian President" is matched on. */
export function roleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w && !/^(the|a|an|of|for|to|and|on|now)$/.test(w))
    .map(normRole);
}

export interface Unit {
  paragraph: number;
  sentence: number;
  start: number;
  end: number;
  tokens: Token[];
  persons: Mention[];
  orgs: Mention[];
}

export interface Resolver {
  keyOf(m: Mention): string;
  org(m: Mention): ArticleSpeaker;
  person(name: string): ArticleSpeaker;
  byRole(words: string[], paragraph: number): string | null;
  lastPerson: { key: string; paragraph: number } | null;
  lastOrg: string | null;
  speakers: Map<string, ArticleSpeaker>;
}

/** The reporting verb of a sentence: the first one outside quotes, not negated, not a noun. */
function findCue(tokens: readonly Token[]): number {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quoted || !REPORTING_VERBS.has(t.text.toLowerCase())) continue;
    const prev = tokens[i - 1];
    if (prev && NOUN_DETERMINERS.test(prev.text)) continue;
    if (tokens.slice(Math.max(0, i - 2), i).some((p) => !p.quoted && NEGATION.test(p.text)))
      continue;
    return i;
  }
  return -1;
}

export function findSpeaker(
  text: string,
  unit: Unit,
  r: Resolver,
): { key: string; cue: string } | null {
  const { tokens } = unit;
  const cue = findCue(tokens);
  const according = tokens.findIndex(
    (t, i) => !t.quoted && /^according$/i.test(t.text) && tokens[i + 1]?.text === "to",
  );
  if (cue >= 0) {
    const key = subjectBefore(text, unit, cue, r) ?? subjectAfter(unit, cue, r);
    if (key) return { key, cue: tokens[cue]!.text.toLowerCase() };
  }
  if (according >= 0) {
    const key = subjectAfter(unit, according + 1, r);
    if (key) return { key, cue: "according to" };
  }
  return null;
}

/** The speaker named before the verb: after a closing quote if the sentence opens with one. */
function subjectBefore(text: string, unit: Unit, cue: number, r: Resolver): string | null {
  const { tokens } = unit;
  const cueStart = tokens[cue]!.start;
  const lastClose = Math.max(text.lastIndexOf('"', cueStart), text.lastIndexOf("”", cueStart));
  const from = Math.max(lastClose, unit.start);
  const inRegion = (m: Mention) =>
    tokens[m.from]!.start >= from && tokens[m.to - 1]!.end <= cueStart;
  const personMention = unit.persons.find((m) => inRegion(m) && !m.possessive);
  if (personMention)
    return r.keyOf(personMention).length > 0 ? resolvePerson(personMention, r) : null;
  const orgMention = unit.orgs.find(inRegion);
  if (orgMention) return r.org(orgMention).key;
  // The last clause before the verb: "On August 18, the President" -> "the President".
  const region = text.slice(from, cueStart).replace(/^["”,\s]+/, "");
  const chunk = region.slice(region.lastIndexOf(",") + 1).trim();
  return resolvePhrase(chunk, unit, r);
}

/** "..., reported The Washington Post." / "according to the Center for ...". */
function subjectAfter(unit: Unit, cue: number, r: Resolver): string | null {
  const next = cue + 1;
  const orgMention = unit.orgs.find((m) => m.from === next);
  if (orgMention) return r.org(orgMention).key;
  const personMention = unit.persons.find((m) => m.from === next || m.from === next + 1);
  if (personMention && !personMention.possessive) return resolvePerson(personMention, r);
  return null;
}

function resolvePerson(m: Mention, r: Resolver): string {
  const key = r.keyOf(m);
  return r.speakers.has(key) ? key : r.person(m.name).key;
}

function resolvePhrase(chunk: string, unit: Unit, r: Resolver): string | null {
  if (chunk.length === 0 || chunk.split(/\s+/).length > 8) return null;
  const lower = chunk.toLowerCase();
  if (PRONOUNS.has(lower)) {
    return lower !== "they" && r.lastPerson && unit.paragraph - r.lastPerson.paragraph <= 2
      ? r.lastPerson.key
      : null;
  }
  const words = roleWords(chunk.replace(/\S+['’]s\s/g, ""));
  if (words.some((w) => OUTLET_NOUNS.has(w))) return r.lastOrg;
  if (/^(an? )?sources?\b/i.test(chunk)) {
    const name = chunk.replace(/^./, (c) => c.toUpperCase());
    const key = `unnamed:${nameKey(chunk.replace(/^(an?|the) /i, ""))}`;
    if (!r.speakers.has(key)) r.speakers.set(key, { key, name, kind: "unnamed", roles: [] });
    return key;
  }
  const byRole = r.byRole(words, unit.paragraph);
  if (byRole) return byRole;
  // A lone capitalised word no rule knows ("Putin said" in an article without his full name).
  if (
    /^\p{Lu}\p{Ll}+$/u.test(chunk) &&
    isNameWord(unit.tokens.find((t) => t.text === chunk) ?? ({} as Token))
  ) {
    return r.person(chunk).key;
  }
  return null;
}
