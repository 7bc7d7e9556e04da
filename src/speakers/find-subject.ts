import type { ArticleSpeaker } from "./attribute-speakers.ts";
import type { Mention } from "./find-mentions.ts";
import { ORG_HEADS, ROLE_WORDS } from "./lexicon.ts";
import { isReportingCue } from "./reporting-cue.ts";
import {
  ANONYMITY,
  anonymousAfter,
  anonymousSource,
  resolveMention,
  resolvePhrase,
  type Subject,
  spokespersonFor,
} from "./resolve-phrase.ts";
import { roleWords } from "./role-words.ts";
import type { Token } from "./tokens.ts";

/**
 * Who a sentence reports: the subject of its reporting verb, or what follows
 * "according to". The rules behind attributeSpeakers, one sentence at a time, as a sieve:
 * an anonymous source first (it must never get a name), then a name or an organisation
 * next to the verb, then weaker readings of the subject phrase (a spokesperson for
 * someone, a pronoun, a role, an organisation described by its kind).
 */

const NEGATION =
  /^(not|never|n't|hasn't|hadn't|haven't|didn't|doesn't|don't|won't|wouldn't|hasn’t|didn’t|won’t|refused|declined)$/i;
const NOUN_DETERMINERS = /^(the|a|an|these|those|such|his|her|their|its|our|media|new|press)$/i;

/** The speaker of a statement published in writing: "in a statement", "on social media". */
const WRITTEN =
  /\b(in|through) an? (written |short |brief |joint )?(statement|post|letter|note|release|message)\b|\bon (social media|its website|his website|her website)\b|\b(wrote|posted|tweeted)\b/i;

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
  /** The last organisation the article named with all these words ("foreign ministry"). */
  orgByHead(words: string[], sinceParagraph?: number): string | null;
  /** The person a "he" or "she" most likely means: the last one of that gender mentioned. */
  byPronoun(pronoun: string, paragraph: number): string | null;
  /** The organisation an "it" most likely means, if one was named just before. */
  byIt(paragraph: number): string | null;
  /** Whether a person may be the "he" or "she" (gender unknown or the same). */
  fitsPronoun(key: string, pronoun: string): boolean;
  /** An organisation described, not named: "the regional grid operator". */
  describedOrg(phrase: string): string;
  /** The last anonymous source whose description has all these words ("the diplomat"). */
  unnamedLike(words: string[]): string | null;
  /** Whether the article writes this word capitalised inside sentences, never lower-case. */
  isProper(word: string): boolean;
  /** A source the article keeps anonymous. */
  unnamed(phrase: string): string;
  lastPerson: { key: string; paragraph: number } | null;
  lastOrg: string | null;
  speakers: Map<string, ArticleSpeaker>;
}

export interface Found {
  key: string;
  /** How the sentence was attributed: the verb, "according to", "pronoun", "statement"... */
  cue: string;
}

/** The reporting verb of a sentence: the first one outside quotes, not negated, not a noun. */
function findCue(tokens: readonly Token[], from = 0): number {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = t.text.toLowerCase();
    if (t.quoted || !isReportingCue(lower, tokens[i + 1]?.text.toLowerCase())) continue;
    const prev = tokens[i - 1];
    if (prev && NOUN_DETERMINERS.test(prev.text)) continue;
    // "asked the minister about": a question put to someone, not a statement.
    const next = tokens[i + 1];
    if (
      /^ask(ed|s)$/i.test(t.text) &&
      next &&
      !next.quoted &&
      !/^(whether|if|why|how|what|when|where|who|for|that)$/i.test(next.text)
    )
      continue;
    // "was asked", "being told": the subject is spoken to, not speaking.
    if (prev && /^(was|were|been|being|is|are|be)$/i.test(prev.text) && !/ing$/i.test(lower))
      continue;
    // "said nothing about": no statement.
    if (/^(nothing|little)$/i.test(next?.text ?? "")) continue;
    if (tokens.slice(Math.max(0, i - 2), i).some((p) => !p.quoted && NEGATION.test(p.text)))
      continue;
    return i;
  }
  return -1;
}

export function findSpeaker(text: string, unit: Unit, r: Resolver): Found | null {
  const { tokens } = unit;
  // The article's own question ("What did he say about the talks?") reports nobody.
  if (/\?\s*$/.test(text.slice(unit.start, unit.end))) return null;
  const according = tokens.findIndex(
    (t, i) => !t.quoted && /^according$/i.test(t.text) && tokens[i + 1]?.text === "to",
  );
  // An inverted report that closes the sentence ("..., sources said on Friday.") reports
  // all of it; otherwise the first reporting verb whose subject is found, a later one if
  // the first has none ("... the last one announced, and nothing that X mocked").
  const cues: number[] = [];
  for (let cue = findCue(tokens); cue >= 0; cue = findCue(tokens, cue + 1)) cues.push(cue);
  const last = cues[cues.length - 1];
  if (last !== undefined && cues.length > 1 && closesSentence(text, unit, last)) {
    cues.pop();
    cues.unshift(last);
  }
  for (const cue of cues) {
    const after = text.slice(tokens[cue]!.end, unit.end).split(/[,;.]/)[0] ?? "";
    const found =
      subjectBefore(text, unit, cue, r) ??
      anonymousAfter(after, text.slice(unit.start, unit.end), r) ??
      subjectAfter(unit, cue, r);
    if (found) {
      const verb = tokens[cue]!.text.toLowerCase();
      const sentence = text.slice(unit.start, unit.end);
      const written = found.how === "name" && WRITTEN.test(sentence);
      return {
        key: found.key,
        cue: found.how === "name" ? (written ? "statement" : verb) : found.how,
      };
    }
  }
  if (according >= 0) {
    const rest = text.slice(tokens[according + 1]!.end, unit.end);
    const anon = anonymousSource(rest.split(/[,;.]/)[0] ?? "", r);
    if (anon) return { key: anon, cue: "according to" };
    const found = subjectAfter(unit, according + 1, r);
    if (found) return { key: found.key, cue: "according to" };
    // "according to the town administration": an organisation described by its kind.
    const phrase = (rest.split(/[,;.]/)[0] ?? "").trim();
    const described = /^the(\s+\p{Ll}[\p{L}-]*){1,4}$/u.exec(phrase);
    const kind = roleWords(phrase);
    if (described && ORG_HEADS.has(kind[kind.length - 1] ?? "")) {
      const key = r.orgByHead(kind) ?? (kind.length >= 2 ? r.describedOrg(phrase) : null);
      if (key) return { key, cue: "according to" };
    }
  }
  return null;
}

/** Whether a reporting verb closes its sentence after a comma: "..., the agency said on Monday." */
function closesSentence(text: string, unit: Unit, cue: number): boolean {
  const t = unit.tokens[cue]!;
  const before = text.slice(unit.start, t.start);
  const clause = before.slice(before.lastIndexOf(",") + 1);
  if (!before.includes(",") || clause.split(/\s+/).filter(Boolean).length > 5) return false;
  const after = text.slice(t.end, unit.end).replace(/[.!?"”\s]+$/, "");
  return after.split(/\s+/).filter(Boolean).length <= 4 && !/[,;:]/.test(after);
}

/** What separates a subject from its verb when it is the subject: "has", "on Tuesday". */
const FILLER =
  /^(?:(?:has|have|had|also|later|then|again|earlier|previously|first|once|on|in|at|last|this|that|a|an|the|week|month|year|morning|evening|night|afternoon|statement|interview|briefing|post|today|yesterday|separately|repeatedly|publicly|privately|\p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+|\d+)\s*)*$/u;

/** Drops comma-enclosed asides ("X, the army chief, said") between a subject and its verb. */
const withoutAsides = (s: string) =>
  s
    .replace(/,[^,]*,/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The speaker named before the verb: after a closing quote if the sentence opens with one. */
function subjectBefore(text: string, unit: Unit, cue: number, r: Resolver): Subject | null {
  const { tokens } = unit;
  const cueStart = tokens[cue]!.start;
  const lastClose = Math.max(text.lastIndexOf('"', cueStart), text.lastIndexOf("”", cueStart));
  const from = Math.max(lastClose, unit.start);
  const region = text.slice(from, cueStart).replace(/^["”,\s]+/, "");
  // "Neither the office nor the staff has disclosed": a negated report.
  if (/\b(neither|nor|nobody|no one)\b/i.test(region)) return null;
  // Sieve 1: a source kept anonymous is never given a name found near it.
  const firstClause = region.split(/,/)[0]!.trim();
  const anon = ANONYMITY.test(region)
    ? anonymousSource(firstClause, r, true)
    : anonymousSource(firstClause, r);
  if (anon && !spokespersonFor(firstClause, unit, r)) return { key: anon, how: "unnamed" };

  const inRegion = (m: Mention) =>
    tokens[m.from]!.start >= from && tokens[m.to - 1]!.end <= cueStart;
  const persons = unit.persons.filter((m) => inRegion(m) && !m.possessive);
  const orgs = unit.orgs.filter(inRegion);
  // Sieve 2: the name right before the verb, asides and time phrases aside ("Norvik Power
  // Chief Executive Anders Lund said"). An organisation only where no person is named: it
  // is more often part of someone's role ("Deputy Chairman of the Security Council").
  const candidates = persons.length > 0 ? persons : orgs.filter((m) => !m.possessive);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const m = candidates[i]!;
    // "Jon Berg, a manager at Crest Capital, said": a name in another's aside is not it.
    const prior = candidates[i - 1];
    if (prior && /^['’]?s?,/.test(text.slice(tokens[prior.to - 1]!.end, tokens[m.from]!.start)))
      continue;
    // "Ivan Petrenko, who had called": the relative pronoun stands for the name.
    const between = withoutAsides(text.slice(tokens[m.to - 1]!.end, cueStart))
      .replace(/^,\s*(who|which)\b/i, "")
      .trim();
    if (between.includes(",") || !FILLER.test(between)) continue;
    return { key: resolveMention(m, r), how: "name" };
  }
  // (A subject with a long relative clause: "Lina Sabri, who ran the authority for three
  // years and ..., said".)
  // Sieve 3: an inverted report ("..., the club announced"): a short subject phrase right
  // before the verb, after a comma, that resolves.
  const chunk = lastClause(region);
  if (region.includes(",") && chunk.split(/\s+/).length <= 6 && /^(the|its|their)\s/i.test(chunk)) {
    const phrase = resolvePhrase(chunk, unit, r, cueStart);
    if (phrase) return phrase;
  }
  // Sieve 4: the first person, else organisation, of the last clause: not across a colon,
  // a semicolon or a dash.
  const clauseFrom = from + Math.max(...[";", ":", " — ", " – "].map((c) => region.lastIndexOf(c)));
  const inClause = (m: Mention) => tokens[m.from]!.start > clauseFrom;
  // "the Citadel's top aide said": a possessor before a role is not the one speaking.
  const speaksItself = (m: Mention) =>
    !m.possessive ||
    !roleWords(text.slice(tokens[m.to - 1]!.end, cueStart)).some((w) => ROLE_WORDS.has(w));
  const first = persons.find(inClause) ?? orgs.find((m) => inClause(m) && speaksItself(m));
  if (first) return { key: resolveMention(first, r), how: "name" };
  // Sieve 5: the last clause before the verb: "On August 18, the President" -> "the President".
  return resolvePhrase(chunk, unit, r, cueStart);
}

/** Words between a subject and its verb that are not the subject: "has", "on Sunday". */
const TRAILING =
  /\s+(?:has|have|had|also|later|then|again|earlier|previously|repeatedly|publicly|privately|now|since|long|on \p{Lu}\p{Ll}+day|last week|this week|on \p{Lu}\p{Ll}+ \d+)$/u;

/** Words before a subject that are not the subject: "Last week he", "as Reuters noted". */
const LEADING =
  /^(?:and|but|while|whereas|although|though|as|so|then|meanwhile|yesterday|today|later|earlier|also|(?:last|this|next) (?:week|month|year|night)|(?:on|in|by|at) \p{Lu}\p{Ll}+(?: \d+)?|(?:on|in|by|at) \d+ \p{Lu}\p{Ll}+)\s+/iu;

/** The subject phrase of a region: after its last clause break, without auxiliaries. */
function lastClause(region: string): string {
  let chunk = region
    .slice(Math.max(...[",", ";", ":", "—", "–", "(", ")"].map((c) => region.lastIndexOf(c))) + 1)
    .trim();
  for (let prev = ""; prev !== chunk; ) {
    prev = chunk;
    chunk = chunk.replace(TRAILING, "").replace(LEADING, "");
  }
  return chunk;
}

/** Verbs whose next name is who was spoken to, not who spoke: "told Moreau", "urged X". */
const TAKES_OBJECT =
  /^(told|tells|asked|asks|urged|urges|warned|warns|accused|accuses|thanked|called|calls|criticised|criticized|blasted|mocked|ridiculed|welcomed|rejected|dismissed|telling|urging|accusing|calling)$/i;

/** "..., reported The Washington Post." / "according to the Center for ...". */
function subjectAfter(unit: Unit, cue: number, r: Resolver): Subject | null {
  if (TAKES_OBJECT.test(unit.tokens[cue]!.text)) return null;
  const next = cue + 1;
  const orgMention = unit.orgs.find((m) => m.from === next || m.from === next + 1);
  if (orgMention) return { key: r.org(orgMention).key, how: "name" };
  const personMention = unit.persons.find((m) => m.from === next || m.from === next + 1);
  if (personMention && !personMention.possessive)
    return { key: resolveMention(personMention, r), how: "name" };
  return null;
}
