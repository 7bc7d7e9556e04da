import type { Mention } from "./find-mentions.ts";
import {
  REPORTING_VERBS,
  ROLE_QUALIFIERS,
  ROLE_WORDS,
  SENTENCE_WORDS,
  TITLE_AND_PLACE_WORDS,
} from "./lexicon.ts";
import type { Token } from "./tokens.ts";

const MAX_ROLE_WORDS = 16;

function hasRoleWord(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => ROLE_WORDS.has(w));
}

/** Closes a quotation a role phrase opened: `group "Ukraine's Recovery` gets its `"`. */
function balanceQuotes(text: string): string {
  return (text.match(/"/g) ?? []).length % 2 === 1 ? `${text}"` : text;
}

/** Words that never modify a role noun: "after state mediator X" starts at "state". */
const FUNCTION_WORDS = new Set(
  `the a an of to for on in at by with and or but after before as from into over under than
  that this these those its his her their our your my who which whom whose when where while
  is was were be been are has have had did does do will would can could may might must
  shall should not no also then now said says told`.split(/\s+/),
);

/** "Foreign Minister", "former Russian President", "American analyst and strategist". */
function titleBefore(paragraph: string, tokens: readonly Token[], mention: Mention): string | null {
  let i = mention.from;
  while (i > 0) {
    const t = tokens[i - 1]!;
    if (t.quoted || !/^ $/.test(paragraph.slice(t.end, tokens[i]!.start)) || t.possessive) break;
    const lower = t.bare.toLowerCase();
    // A capitalised word before a capitalised title makes a compound title: "Trade Minister".
    const next = tokens[i]!;
    const compound =
      i < mention.from &&
      next.capitalized &&
      ROLE_WORDS.has(next.bare.toLowerCase()) &&
      !SENTENCE_WORDS.has(t.bare);
    // Once a title has begun, a capitalised word before it qualifies it: the company or
    // city in "Norvik Power Chief Executive", "Port Elwood Mayor", an acronym in "FCA head".
    const qualifier = i < mention.from && !SENTENCE_WORDS.has(t.bare) && /\p{L}/u.test(t.bare);
    // A lower-case noun before a lower-case role word makes a compound: "state mediator".
    const modifier =
      i < mention.from &&
      !next.capitalized &&
      ROLE_WORDS.has(next.bare.toLowerCase()) &&
      /^\p{Ll}+$/u.test(t.text) &&
      !FUNCTION_WORDS.has(lower) &&
      !REPORTING_VERBS.has(lower) &&
      !/(ly|ed|ing)$/.test(lower);
    const allowed = t.capitalized
      ? TITLE_AND_PLACE_WORDS.has(t.bare) || ROLE_WORDS.has(lower) || compound || qualifier
      : ((ROLE_WORDS.has(lower) || ROLE_QUALIFIERS.has(lower)) &&
          !/^(the|of|to|for|on)$/.test(lower)) ||
        modifier;
    if (!allowed) break;
    i--;
  }
  while (i < mention.from && /^(and|now)$/i.test(tokens[i]!.text)) i++;
  if (i === mention.from) return null;
  const text = paragraph.slice(tokens[i]!.start, tokens[mention.from - 1]!.end);
  return hasRoleWord(text) ? text : null;
}

/** "Dmitry Medvedev, now Deputy Chairman of the Security Council of the Russian Federation," */
function appositiveAfter(paragraph: string, end: number, sentenceEnd: number): string | null {
  const rest = paragraph.slice(end, sentenceEnd);
  const m = /^, ((?:now |then )?)([^,;]+?)(?:,|$)/.exec(rest);
  if (!m?.[2]) return null;
  const phrase = m[2].trim().replace(/[.!?]$/, "");
  if (!/^(\p{Ll}|(a|an|the) |\p{Lu}\p{Ll}+ \p{Lu}|\p{Lu}[\p{L}-]*['’]s )/u.test(phrase) && !m[1])
    return null;
  const first = phrase.split(" ")[0]?.toLowerCase() ?? "";
  if (!ROLE_WORDS.has(first) && !/^(a|an|the|now|former|senior|deputy|\p{Lu})/u.test(phrase))
    return null;
  const role = beforeReportingVerb(phrase);
  if (!hasRoleWord(role) || role.split(/\s+/).length > MAX_ROLE_WORDS) return null;
  return role.replace(/^(a|an|the) /i, "");
}

/** Words after which a reporting verb's form is a noun: "head of appeals", "minister for reports". */
const NOUN_AFTER = new Set(["of", "for", "on", "and", "in", "at"]);
/** A relative clause's verb is its own: "the former president who wrote …" is not cut there. */
const RELATIVE = new Set(["who", "which", "that", "whose", "whom"]);

/**
 * An appositive its writer did not close with a comma ends where the sentence's reporting
 * verb begins: "X, the chief executive of Norvik Power said in an interview" gives the
 * role "the chief executive of Norvik Power", not the rest of the sentence.
 */
function beforeReportingVerb(phrase: string): string {
  const words = phrase.split(" ");
  for (let i = 1; i < words.length; i++) {
    const lower = words[i - 1]!.toLowerCase();
    if (RELATIVE.has(lower)) return phrase;
    if (REPORTING_VERBS.has(words[i]!) && !NOUN_AFTER.has(lower))
      return words.slice(0, i).join(" ");
  }
  return phrase;
}

/** "The Russian presidential aide for foreign policy, Yuri Ushakov," */
function appositiveBefore(paragraph: string, sentenceStart: number, start: number): string | null {
  const before = paragraph.slice(sentenceStart, start);
  const m = /,["”’]? $/.exec(before);
  if (!m) return null;
  const head = before.slice(0, m.index);
  const comma = head.lastIndexOf(", ");
  // "..., as Ruritania's foreign ministry spokeswoman, X, put it": the role after "as".
  const phrase = (comma >= 0 ? head.slice(comma + 2) : head)
    .trim()
    .replace(/^(as|and|but|while|by|from|with|to|said|says|told)\s+/, "");
  // "The presidential aide, X,", "Its director general, X,", "Norway's mediator, X,".
  const led =
    /^(the|a|an|its|his|her|their) /i.test(phrase) || /^\p{Lu}[\p{L}-]*['’]s /u.test(phrase);
  if (!led || !hasRoleWord(phrase)) return null;
  if (phrase.split(/\s+/).length > MAX_ROLE_WORDS) return null;
  return balanceQuotes(phrase.replace(/^(the|a|an|its|his|her|their) /i, ""));
}

/** Every role the sentence gives the person it mentions, nearest first. */
export function findRoles(
  paragraph: string,
  tokens: readonly Token[],
  mention: Mention,
  sentence: { start: number; end: number },
): string[] {
  const first = tokens[mention.from]!;
  const last = tokens[mention.to - 1]!;
  const roles = [
    titleBefore(paragraph, tokens, mention),
    appositiveBefore(paragraph, sentence.start, first.start),
    last.possessive ? null : appositiveAfter(paragraph, last.end, sentence.end),
  ];
  return roles.filter((r): r is string => r !== null);
}
