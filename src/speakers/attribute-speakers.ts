import type { SentenceSpan } from "../text/split-sentences.ts";
import { findOrganizations, findPersonNames, isNameWord, type Mention } from "./find-mentions.ts";
import { findRoles } from "./find-roles.ts";
import {
  GENERIC_ROLE_WORDS,
  OUTLET_NOUNS,
  PRONOUNS,
  REPORTING_VERBS,
  ROLE_WORDS,
} from "./lexicon.ts";
import { nameKey, surnameKey } from "./name-key.ts";
import { quotationMask, type Token, tokenize } from "./tokens.ts";

export type SpeakerKind = "person" | "organization" | "unnamed";

/** Someone an article quotes, as that article names them. */
export interface ArticleSpeaker {
  /** Identity across articles: the name key for people, prefixed for the others. */
  key: string;
  name: string;
  kind: SpeakerKind;
  /** Roles in the order the article gives them. */
  roles: string[];
}

/** One sentence (quote-balanced unit) that reports what a speaker said or wrote. */
export interface Statement {
  /** 1-based paragraph number. */
  paragraph: number;
  /** Index of the sentence in its paragraph. */
  sentence: number;
  speakerKey: string;
  /** The role the article gives the speaker, preferring a current one. */
  role: string | null;
  /** The word that marks the report: "said", "according to", ... */
  cue: string;
}

export interface ArticleAttribution {
  speakers: ArticleSpeaker[];
  statements: Statement[];
}

const NEGATION =
  /^(not|never|n't|hasn't|hadn't|haven't|didn't|doesn't|don't|won't|wouldn't|hasn’t|didn’t|won’t|refused)$/i;
const NOUN_DETERMINERS = /^(the|a|an|these|those|such|his|her|their|its|our|media|new|press)$/i;
const normRole = (w: string) => (w === "advisor" ? "adviser" : w);

/** Folded role words of a phrase: what "the Russian President" is matched on. */
function roleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w && !/^(the|a|an|of|for|to|and|on|now)$/.test(w))
    .map(normRole);
}

interface Unit {
  paragraph: number;
  sentence: number;
  start: number;
  end: number;
  tokens: Token[];
  persons: Mention[];
  orgs: Mention[];
}

/**
 * Finds who says what in one article, by rules: a reporting verb or "according to"
 * outside quotation marks, and its subject — a name, an organisation, a pronoun that
 * follows the last speaker, or a role ("the Russian President") matched against the
 * roles the article gave earlier ("former Russian President" is someone else).
 */
export function attributeSpeakers(
  paragraphs: readonly string[],
  sentences: readonly (readonly SentenceSpan[])[],
): ArticleAttribution {
  const speakers = new Map<string, ArticleSpeaker>();
  const bySurname = new Map<string, string>();
  const units: Unit[] = [];

  const person = (name: string): ArticleSpeaker => {
    const key = nameKey(name);
    let s = speakers.get(key);
    if (!s) {
      s = { key, name, kind: "person", roles: [] };
      speakers.set(key, s);
    }
    return s;
  };
  const addRoles = (s: ArticleSpeaker, roles: string[]) => {
    for (const r of roles) if (!s.roles.includes(r)) s.roles.push(r);
  };

  // Pass 1: full names and the roles given with them, so "Zelensky" alone resolves later.
  paragraphs.forEach((text, p) => {
    const mask = quotationMask(text);
    (sentences[p] ?? []).forEach((span, s) => {
      const tokens = tokenize(text, span.start, span.end, mask);
      const persons = findPersonNames(text, tokens);
      for (const m of persons) {
        const sp = person(m.name);
        addRoles(sp, findRoles(text, tokens, m, span));
        const sk = surnameKey(m.name);
        if (!bySurname.has(sk)) bySurname.set(sk, sp.key);
      }
      units.push({
        paragraph: p + 1,
        sentence: s,
        ...span,
        tokens,
        persons,
        orgs: findOrganizations(text, tokens),
      });
    });
  });

  // Single known surnames ("President Zelensky") are mentions too, with their roles.
  for (const unit of units) {
    const text = paragraphs[unit.paragraph - 1]!;
    unit.tokens.forEach((t, i) => {
      if (unit.persons.some((m) => i >= m.from && i < m.to) || !isNameWord(t)) return;
      const key = bySurname.get(nameKey(t.bare));
      if (!key) return;
      const m: Mention = {
        kind: "person",
        name: t.bare,
        from: i,
        to: i + 1,
        possessive: t.possessive,
      };
      unit.persons.push(m);
      addRoles(speakers.get(key)!, findRoles(text, unit.tokens, m, unit));
    });
    unit.persons.sort((a, b) => a.from - b.from);
  }

  const keyOf = (m: Mention): string => {
    if (m.kind === "organization") return `org:${nameKey(m.name.replace(/^The /, ""))}`;
    return bySurname.get(surnameKey(m.name)) && m.to - m.from === 1
      ? bySurname.get(surnameKey(m.name))!
      : nameKey(m.name);
  };
  const org = (m: Mention): ArticleSpeaker => {
    const key = keyOf(m);
    let s = speakers.get(key);
    if (!s) {
      s = { key, name: m.name, kind: "organization", roles: [] };
      speakers.set(key, s);
    }
    return s;
  };

  const statements: Statement[] = [];
  const lastMention = new Map<string, number>();
  let clock = 0;
  let lastPerson: { key: string; paragraph: number } | null = null;
  let lastOrg: string | null = null;

  const byRole = (words: string[], paragraph: number): string | null => {
    const noun = words.find((w) => ROLE_WORDS.has(w));
    if (!noun) return null;
    const former = words.includes("former");
    if (GENERIC_ROLE_WORDS.has(noun) && lastPerson && lastPerson.paragraph === paragraph)
      return lastPerson.key;
    let best: string | null = null;
    let bestAt = -1;
    for (const s of speakers.values()) {
      if (s.kind !== "person") continue;
      const fits = s.roles.some((r) => {
        const rw = roleWords(r);
        return (
          rw.includes("former") === former &&
          words.filter((w) => w !== "former").every((w) => rw.includes(w))
        );
      });
      const at = lastMention.get(s.key) ?? -1;
      if (fits && at > bestAt) {
        best = s.key;
        bestAt = at;
      }
    }
    if (best) return best;
    return GENERIC_ROLE_WORDS.has(noun) && lastPerson && paragraph - lastPerson.paragraph <= 1
      ? lastPerson.key
      : null;
  };

  for (const unit of units) {
    const text = paragraphs[unit.paragraph - 1]!;
    const found = findSpeaker(text, unit, {
      keyOf,
      org,
      person,
      byRole,
      lastPerson,
      lastOrg,
      speakers,
    });
    if (found) {
      const sp = speakers.get(found.key)!;
      const current = sp.roles.find((r) => !/^former\b/i.test(r)) ?? sp.roles[0] ?? null;
      statements.push({
        paragraph: unit.paragraph,
        sentence: unit.sentence,
        speakerKey: sp.key,
        role: sp.kind === "person" ? current : null,
        cue: found.cue,
      });
      if (sp.kind === "person") lastPerson = { key: sp.key, paragraph: unit.paragraph };
      if (sp.kind === "organization") lastOrg = sp.key;
      lastMention.set(sp.key, ++clock);
    }
    // A person who opens a sentence is who a following "he" or "she" most likely means.
    const opener = unit.persons.find((m) => m.from === 0 && !m.possessive);
    if (!found && opener && speakers.has(keyOf(opener)))
      lastPerson = { key: keyOf(opener), paragraph: unit.paragraph };
    for (const m of [...unit.persons, ...unit.orgs].sort((a, b) => a.from - b.from)) {
      const key = keyOf(m);
      if (speakers.has(key)) lastMention.set(key, ++clock);
      if (m.kind === "organization" && speakers.has(key)) lastOrg = key;
    }
  }
  const quoted = new Set(statements.map((s) => s.speakerKey));
  return { speakers: [...speakers.values()].filter((s) => quoted.has(s.key)), statements };
}

interface Resolver {
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

function findSpeaker(text: string, unit: Unit, r: Resolver): { key: string; cue: string } | null {
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
