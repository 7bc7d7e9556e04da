import {
  NAME_PARTICLES,
  NON_NAME_WORDS,
  ORG_HEADS,
  REPORTING_VERBS,
  ROLE_WORDS,
  SENTENCE_WORDS,
} from "./lexicon.ts";

/** A capitalised office or job ("Chief Executive", "Moderator"): a title, never a name. */
export function isTitleWord(token: Token): boolean {
  return token.capitalized && ROLE_WORDS.has(token.bare.toLowerCase());
}

import type { Token } from "./tokens.ts";

/** A run of tokens that names someone: a person ("Yuri Ushakov") or an organisation. */
export interface Mention {
  kind: "person" | "organization";
  /** The name as written, without "the" and without a possessive ending. */
  name: string;
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
  possessive: boolean;
}

const OUTLET_TAIL = new Set(
  "Post Times Journal News Guardian Telegraph Economist Independent Herald Tribune Observer Atlantic Mail Express Gazette Monitor Review Insider".split(
    " ",
  ),
);

/** Words that may follow an organisation's name as its verb: "the Kremlin has said". */
const VERB_LIKE =
  /^(has|have|had|is|was|were|are|will|would|could|can|may|might|did|does|also|later|then|on|in|at|with|\p{Ll}+ly|\p{Ll}{3,}ed)$/u;

/** Whether a token can be part of a person's name. */
export function isNameWord(token: Token): boolean {
  return (
    token.capitalized &&
    !token.quoted &&
    /\p{Ll}/u.test(token.bare) &&
    !/\d/.test(token.bare) &&
    !NON_NAME_WORDS.has(token.bare) &&
    !NON_NAME_WORDS.has(token.bare.replace(/\.$/, "")) &&
    !isTitleWord(token)
  );
}

const adjacent = (paragraph: string, a: Token, b: Token) =>
  /^ $/.test(paragraph.slice(a.end, b.start));

/**
 * Person names of two or more words (particles allowed: "Ursula von der Leyen"). A run
 * straight after "the", or after "of"/"for" in a capitalised chain ("Center for
 * Counteracting Disinformation"), is part of an organisation's name, not a person.
 */
export function findPersonNames(paragraph: string, tokens: readonly Token[]): Mention[] {
  const found: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (!adjacent(paragraph, tokens[j - 1]!, t) || tokens[j - 1]!.possessive) break;
      if (isNameWord(t)) j++;
      else if (NAME_PARTICLES.has(t.text) && tokens[j + 1] && isNameWord(tokens[j + 1]!)) j += 2;
      else break;
    }
    const before = tokens[i - 1];
    const beforeThat = tokens[i - 2];
    const inOrgChain =
      before !== undefined &&
      (/^the$/i.test(before.text) || (/^(of|for)$/.test(before.text) && beforeThat?.capitalized));
    // "Norvik Power Chief Executive Anders Lund", "Westmark Technical University": a run right
    // before a title or an institution's noun qualifies it (a company, a city): no person.
    const after = tokens[j];
    const qualifiesTitle =
      after !== undefined &&
      !tokens[j - 1]!.possessive &&
      adjacent(paragraph, tokens[j - 1]!, after) &&
      (isTitleWord(after) || (after.capitalized && NON_NAME_WORDS.has(after.bare)));
    // "the President of Ruritania Ivan Petrenko": the place ends the title, a name follows.
    const start = inOrgChain && j - i >= 3 && !/^the$/i.test(before!.text) ? i + 1 : i;
    if (j - start >= 2 && (!inOrgChain || start > i) && !qualifiesTitle) {
      const last = tokens[j - 1]!;
      found.push({
        kind: "person",
        name: paragraph.slice(tokens[start]!.start, last.end).replace(/['’]s$/, ""),
        from: start,
        to: j,
        possessive: last.possessive,
      });
    }
    i = j;
  }
  return found;
}

/** Between two words of an organisation's name: a space, or a plural possessive ("Workers' Union"). */
const inName = (paragraph: string, a: Token, b: Token) =>
  /^['’]? $/.test(paragraph.slice(a.end, b.start));

/**
 * Where a capitalised chain that starts at `from` ends: capitalised words, and "of", "for",
 * "and", "on" between them ("Council on Foreign Relations", not "Citadel on Thursday").
 */
function chainEnd(paragraph: string, tokens: readonly Token[], from: number): number {
  let j = from;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (
      t.quoted ||
      (j > from && (!inName(paragraph, tokens[j - 1]!, t) || tokens[j - 1]!.possessive))
    )
      break;
    if (t.capitalized && /\p{L}/u.test(t.bare) && !(j > from && SENTENCE_WORDS.has(t.bare))) j++;
    else if (
      j > from &&
      /^(of|for|and|on)$/.test(t.text) &&
      tokens[j + 1]?.capitalized &&
      !SENTENCE_WORDS.has(tokens[j + 1]!.bare)
    )
      j++;
    else break;
  }
  // A chain does not end on a joining word.
  while (j > from && /^(of|for|and|on)$/.test(tokens[j - 1]!.text)) j--;
  return j;
}

/**
 * Organisations named without "the", by the noun that heads them: "Ruritania's Defence
 * Ministry", "Ministry of Foreign Affairs", "Independent Growers' Association". A
 * possessive place before the name stays in it; sentence-initial words do not.
 */
export function findHeadedOrganizations(
  paragraph: string,
  tokens: readonly Token[],
  taken: readonly Mention[],
): Mention[] {
  const found: Mention[] = [];
  const free = (i: number) => !taken.some((m) => i >= m.from && i < m.to);
  for (let k = 0; k < tokens.length; k++) {
    const head = tokens[k]!;
    if (!head.capitalized || head.quoted || !ORG_HEADS.has(head.bare.toLowerCase()) || !free(k))
      continue;
    let i = k;
    while (i > 0) {
      const t = tokens[i - 1]!;
      if (t.quoted || !t.capitalized || !inName(paragraph, t, tokens[i]!) || !free(i - 1)) break;
      // Titles may stand in an institution's name ("the General Staff"); openers may not.
      if (SENTENCE_WORDS.has(t.bare)) break;
      i--;
      if (t.possessive) break;
    }
    if (i > 0 && /^the$/i.test(tokens[i - 1]!.text)) continue;
    // The name ends before a title or a name found already: "Energy Minister Anna Berg".
    let j = chainEnd(paragraph, tokens, k);
    for (let x = k + 1; x < j; x++)
      if (isTitleWord(tokens[x]!) || !free(x)) {
        j = x;
        break;
      }
    while (j > k + 1 && /^(of|for|and|on)$/.test(tokens[j - 1]!.text)) j--;
    if (j - i < 2) continue;
    const last = tokens[j - 1]!;
    found.push({
      kind: "organization",
      name: paragraph.slice(tokens[i]!.start, last.end).replace(/['’]s$/, ""),
      from: i,
      to: j,
      possessive: last.possessive,
    });
    k = j - 1;
  }
  return found;
}

/**
 * Organisations named with "the" and capitalised words: "The Washington Post", "the
 * Center for Counteracting Disinformation", "the Kremlin". A chain that ends in a title
 * ("the Russian President") is a role, not an organisation.
 */
export function findOrganizations(paragraph: string, tokens: readonly Token[]): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const the = tokens[i]!;
    if (!/^the$/i.test(the.text) || the.quoted) continue;
    const j = chainEnd(paragraph, tokens, i + 1);
    if (j === i + 1) continue;
    const last = tokens[j - 1]!;
    if (ROLE_WORDS.has(last.bare.toLowerCase())) continue;
    // "the President of Ruritania Ivan Petrenko": a title with a name, not an organisation.
    const chainTokens = tokens.slice(i + 1, j);
    if (chainTokens.some(isTitleWord) && !ORG_HEADS.has(last.bare.toLowerCase())) continue;
    // "The Kursk offensive", "the American publication": a capitalised modifier of a noun.
    const next = tokens[j];
    if (next && !last.possessive && adjacent(paragraph, last, next) && !next.capitalized) {
      if (!REPORTING_VERBS.has(next.text) && !VERB_LIKE.test(next.text)) continue;
    }
    const chain = paragraph.slice(tokens[i + 1]!.start, last.end).replace(/['’]s$/, "");
    const words = chain.split(/\s+/);
    const outlet = words.length === 1 || OUTLET_TAIL.has(words[words.length - 1] ?? "");
    found.push({
      kind: "organization",
      name: outlet ? `The ${chain}` : chain,
      from: i,
      to: j,
      possessive: last.possessive,
    });
    i = j - 1;
  }
  return found;
}
