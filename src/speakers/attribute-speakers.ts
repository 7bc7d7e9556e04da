import type { SentenceSpan } from "../text/split-sentences.ts";
import { continuesQuote } from "./continued-quotes.ts";
import {
  findHeadedOrganizations,
  findOrganizations,
  findPersonNames,
  isNameWord,
  type Mention,
} from "./find-mentions.ts";
import { findQaLayout } from "./find-qa-layout.ts";
import { findRoles } from "./find-roles.ts";
import { type Found, findSpeaker, type Unit } from "./find-subject.ts";
import { genderOfRoles, inferGenders } from "./infer-genders.ts";
import { GENERIC_ROLE_WORDS, ORG_HEADS, ROLE_WORDS } from "./lexicon.ts";
import { nameKey, surnameKey } from "./name-key.ts";
import { roleWords } from "./role-words.ts";
import { splitReportClauses } from "./split-report-clauses.ts";
import { quotationMask, tokenize } from "./tokens.ts";

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
  /** The sentence spans statements count in: the given ones, a sentence that reports two
   * speakers split in two (see splitReportClauses). */
  sentences: SentenceSpan[][];
}

/** Abbreviations that say what kind of body a name is: FC Arden is a club. */
const KIND_ABBREVIATIONS: Record<string, string> = {
  FC: "club",
  AFC: "club",
  CF: "club",
  SC: "club",
  Inc: "company",
  Ltd: "company",
  PLC: "company",
  Plc: "company",
  LLC: "company",
  Corp: "company",
  AG: "company",
  SA: "company",
  GmbH: "company",
  ASA: "company",
};

/**
 * The kind of body a mention is, if the article says: by an abbreviation in its name, or
 * by an appositive that follows it ("Norvik Power, the country's largest utility,").
 */
function kindOf(m: Mention, after: string): string | null {
  for (const word of m.name.split(/\s+/)) {
    const kind = KIND_ABBREVIATIONS[word.replace(/\.$/, "")];
    if (kind) return kind;
  }
  const apposition = /^,\s+(?:the|a|an|its)\s+([^,;"“]{1,80}?)(?:,|$)/.exec(after);
  const head = apposition ? roleWords(apposition[1]!).pop() : undefined;
  return head && ORG_HEADS.has(head) && !ROLE_WORDS.has(head) ? head : null;
}

/**
 * Whether the apposition after a name describes a person rather than an institution:
 * "…, the former president who now heads X", "…, a senior fellow at the Institute".
 */
function describesPerson(after: string): boolean {
  const apposition = /^,\s+(?:the|a|an|its)\s+([^,;"“]{1,80}?)(?:,|$)/.exec(after);
  if (!apposition) return true;
  // Its head noun comes before any "of", "at" or "who": "a senior fellow at the Institute".
  const head = apposition[1]!.split(/\s+(?:of|at|in|for|with|who|which|that)\s+/)[0]!;
  const words = roleWords(head);
  return words.some((w) => ROLE_WORDS.has(w)) || !ORG_HEADS.has(words.at(-1) ?? "");
}

/**
 * Finds who says what in one article, by rules: a reporting verb or "according to"
 * outside quotation marks, and its subject — a name, an organisation, a pronoun that
 * follows the last speaker, or a role ("the Russian President") matched against the
 * roles the article gave earlier ("former Russian President" is someone else).
 */
export function attributeSpeakers(
  paragraphs: readonly string[],
  given: readonly (readonly SentenceSpan[])[],
): ArticleAttribution {
  const sentences = paragraphs.map((text, p) => splitReportClauses(text, given[p] ?? []));
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
      const orgs = findOrganizations(text, tokens);
      orgs.push(...findHeadedOrganizations(text, tokens, [...orgs, ...persons]));
      units.push({ paragraph: p + 1, sentence: s, ...span, tokens, persons, orgs });
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

  /** Organisations in the order the article names them: what "the ministry" refers to. */
  const namedOrgs: Mention[] = [];
  const namedOrgAt: number[] = [];
  /** What the article said each organisation is: "Norvik Power, the utility," -> utility. */
  const described = new Map<string, Mention>();
  const orgByHead = (words: string[], since = 0): string | null => {
    for (let i = namedOrgs.length - 1; i >= 0; i--) {
      if (namedOrgAt[i]! < since) break;
      const m = namedOrgs[i]!;
      const have = m.name.toLowerCase().split(/[^\p{L}]+/u);
      if (words.every((w) => have.includes(w))) return org(m).key;
    }
    const m = described.get(words[words.length - 1] ?? "");
    if (!m) return null;
    if (m.kind === "organization") return org(m).key;
    // A name the article describes as a company or an agency is no person.
    const sp = speakers.get(keyOf(m));
    if (sp) sp.kind = "organization";
    return sp?.key ?? null;
  };
  /** The last organisation named or speaking, and where: what "it said" refers to. */
  let lastOrgAt: { key: string; paragraph: number } | null = null;
  const byIt = (paragraph: number): string | null =>
    lastOrgAt && paragraph - lastOrgAt.paragraph <= 1 ? lastOrgAt.key : null;
  const other = (kind: "organization" | "unnamed", phrase: string): string => {
    // An organisation is named without its article; an unnamed source keeps it ("A source").
    const bare = kind === "organization" ? phrase.replace(/^(the|a|an) /i, "") : phrase;
    const name = bare.replace(/^./, (c) => c.toUpperCase());
    const key = `${kind === "unnamed" ? "unnamed" : "org"}:${nameKey(bare.replace(/^(the|a|an) /i, ""))}`;
    if (!speakers.has(key)) speakers.set(key, { key, name, kind, roles: [] });
    return key;
  };

  /** A Q&A label ("Sabri", "Dr. Ivanova") as a person of the article, if it is one. */
  const labelKey = (label: string): string | null => {
    const name = label.replace(/^(Mr|Mrs|Ms|Dr|Prof|Gen|Sir)\.? /, "");
    if (speakers.get(nameKey(name))?.kind === "person") return nameKey(name);
    return bySurname.get(surnameKey(name)) ?? null;
  };
  /** The person the article named last before a paragraph: who a Q&A interviews. */
  const lastPersonBefore = (paragraph: number): string | null => {
    let key: string | null = null;
    for (const unit of units) {
      if (unit.paragraph >= paragraph) break;
      for (const m of unit.persons) if (!m.possessive && speakers.has(keyOf(m))) key = keyOf(m);
    }
    return key;
  };

  /** Who spoke last in each paragraph: whom a quote running into the next one continues. */
  const lastSpeakerIn = new Map<number, string>();
  const genders = inferGenders(units, keyOf);
  // A gendered title says it when the pronouns do not: "spokeswoman", "chairman".
  for (const sp of speakers.values()) {
    if (genders.has(sp.key)) continue;
    const g = genderOfRoles(sp.roles);
    if (g) genders.set(sp.key, g);
  }
  /** People in the order the article mentions them (a speaker again when found): for pronouns. */
  const recent: { key: string; paragraph: number }[] = [];
  /** Subjects and speakers only, in order: who an article is following. */
  const subjects: { key: string; paragraph: number }[] = [];
  const wantedOf = (pronoun: string) =>
    /^she$/i.test(pronoun) ? "f" : /^he$/i.test(pronoun) ? "m" : null;
  /** A one-word name the article never genders ("Ruritania") is no antecedent of he or she. */
  const fitsPronoun = (key: string, pronoun: string): boolean => {
    const wanted = wantedOf(pronoun);
    const g = genders.get(key);
    if (!wanted) return false;
    if (g) return g === wanted;
    return (speakers.get(key)?.name.split(/\s+/).length ?? 0) >= 2;
  };
  const byPronoun = (pronoun: string, paragraph: number): string | null => {
    const wanted = wantedOf(pronoun);
    if (!wanted) return null;
    const fits = (key: string) => fitsPronoun(key, pronoun);
    // Someone the article has shown to be a "he" (or "she") before anyone it has not.
    const last = (list: typeof recent, within: number) => {
      let unsure: string | null = null;
      for (let i = list.length - 1; i >= 0; i--) {
        const { key, paragraph: at } = list[i]!;
        if (paragraph - at > within) break;
        if (!fits(key)) continue;
        if (genders.has(key)) return key;
        unsure ??= key;
      }
      return unsure;
    };
    // Who spoke last in this paragraph; else someone named earlier in it; else whom the
    // article was following (a name in passing at the end of the last paragraph is not);
    // else anyone recent.
    const speaker = lastSpeakerIn.get(paragraph);
    if (speaker && speakers.get(speaker)?.kind === "person" && fits(speaker)) return speaker;
    return last(recent, 0) ?? last(subjects, 2) ?? last(recent, 2);
  };

  const unnamedLike = (words: string[]): string | null => {
    if (words.length === 0) return null;
    for (let i = statements.length - 1; i >= 0; i--) {
      const sp = speakers.get(statements[i]!.speakerKey)!;
      if (sp.kind !== "unnamed") continue;
      const have = roleWords(sp.name).map((w) => w.replace(/s$/, ""));
      if (words.every((w) => have.includes(w.replace(/s$/, "")))) return sp.key;
    }
    return null;
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
        // "top" and "senior" grade a role without naming another one.
        return (
          rw.includes("former") === former &&
          words.filter((w) => !/^(former|top|senior)$/.test(w)).every((w) => rw.includes(w))
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

  // Whether the article capitalises a word inside sentences and never writes it lower-case:
  // asked rarely, so it scans the article when asked.
  const isProper = (word: string) => {
    const lower = word.toLowerCase();
    let inside = false;
    for (const unit of units)
      for (let i = 0; i < unit.tokens.length; i++) {
        const t = unit.tokens[i]!;
        if (t.bare === lower) return false;
        if (i > 0 && t.bare === word) inside = true;
      }
    return inside;
  };
  const resolver = () => ({
    isProper,
    keyOf,
    org,
    person,
    byRole,
    lastPerson,
    lastOrg,
    speakers,
    orgByHead,
    byPronoun,
    fitsPronoun,
    byIt,
    describedOrg: (phrase: string) => other("organization", phrase),
    unnamed: (phrase: string) => other("unnamed", phrase),
    unnamedLike,
  });
  const qa = findQaLayout(paragraphs, labelKey, lastPersonBefore);
  const continuation = (unit: Unit): Found | null => {
    const text = paragraphs[unit.paragraph - 1]!;
    const previous = paragraphs[unit.paragraph - 2];
    const key = lastSpeakerIn.get(unit.paragraph - 1);
    if (previous === undefined || !key || !continuesQuote(previous, text)) return null;
    // Only sentences that start inside the continued quotation.
    const close = text.slice(1).search(/["”]/);
    if (close >= 0 && unit.start > close + 1) return null;
    return { key, cue: "continued quote" };
  };

  for (const unit of units) {
    const text = paragraphs[unit.paragraph - 1]!;
    // Organisations this sentence names, and what it calls them, count for its own
    // subject already: "FC Arden signed X, the club announced".
    for (const m of [...unit.persons, ...unit.orgs]) {
      if (m.kind === "organization") {
        namedOrgs.push(m);
        namedOrgAt.push(unit.paragraph);
      }
      const after = text.slice(unit.tokens[m.to - 1]!.end, unit.end);
      const kind = kindOf(m, after);
      if (kind) described.set(kind, m);
      // "Aurora Grid, the country's largest utility, said": a name the article calls a
      // company or an agency is no person, though it reads like first name and surname.
      const sp =
        kind && m.kind === "person" && !describesPerson(after) ? speakers.get(keyOf(m)) : undefined;
      if (sp) sp.kind = "organization";
    }
    const answer = qa.answers.get(unit.paragraph);
    const found: Found | null = qa.questions.has(unit.paragraph)
      ? null
      : answer && unit.end > answer.from
        ? { key: answer.key, cue: "Q&A answer" }
        : (findSpeaker(text, unit, resolver()) ?? continuation(unit));
    if (found) lastSpeakerIn.set(unit.paragraph, found.key);
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
      if (sp.kind === "organization") {
        lastOrg = sp.key;
        lastOrgAt = { key: sp.key, paragraph: unit.paragraph };
      }
      lastMention.set(sp.key, ++clock);
    }
    // A person who opens a sentence is who a following "he" or "she" most likely means.
    const opener = unit.persons.find((m) => m.from === 0 && !m.possessive);
    if (!found && opener && speakers.has(keyOf(opener)))
      lastPerson = { key: keyOf(opener), paragraph: unit.paragraph };
    for (const m of [...unit.persons, ...unit.orgs].sort((a, b) => a.from - b.from)) {
      const key = keyOf(m);
      if (speakers.has(key)) lastMention.set(key, ++clock);
      if (m.kind === "person" && speakers.get(key)?.kind === "person")
        recent.push({ key, paragraph: unit.paragraph });
      if (m.kind === "organization" && speakers.has(key)) lastOrg = key;
      if (m.kind === "organization") lastOrgAt = { key: org(m).key, paragraph: unit.paragraph };
    }
    // The subject is the likelier antecedent of the next "he" or "she": it goes last.
    const subject = found && speakers.get(found.key)?.kind === "person" ? found.key : null;
    const openerKey =
      opener && speakers.get(keyOf(opener))?.kind === "person" ? keyOf(opener) : null;
    // A speaker goes last even among this sentence's names ("X told Y that ..."); a
    // sentence's opener only marks whom the article follows.
    if (subject) recent.push({ key: subject, paragraph: unit.paragraph });
    if (subject ?? openerKey)
      subjects.push({ key: (subject ?? openerKey)!, paragraph: unit.paragraph });
  }
  const quoted = new Set(statements.map((s) => s.speakerKey));
  return {
    speakers: [...speakers.values()].filter((s) => quoted.has(s.key)),
    statements,
    sentences,
  };
}
