import { foldForMatch } from "../text/normalize.ts";
import { GENERIC_ROLE_WORDS } from "./lexicon.ts";
import {
  BLOCKING_WORDS,
  broaderOf,
  CONCEPT_PHRASES,
  canonicalWord,
  INSTITUTION_NOUNS,
  isKnownPlace,
  METONYM_PHRASES,
  PREPOSITIONS,
  placeStems,
  ROLE_NOUNS,
} from "./role-lexicon.ts";

/** One word of a role phrase; `possessive` for "governor's", `skip` for a word that is not part of it. */
export interface RoleToken {
  word: string;
  possessive?: boolean;
  skip?: boolean;
  /** Typed with a capital: "Ukrainian", "US". */
  capitalised?: boolean;
  /** Part of an organisation's name: may be in a role phrase ("chief of the General Staff"), never its head. */
  inName?: boolean;
}

/**
 * A role phrase taken apart: the office it names (its head noun, or the office a phrase
 * such as "top diplomat" names), what it is loosely also called, the words that qualify
 * it, and the modifiers that make it another office (former, deputy).
 */
export interface RoleShape {
  /** Offices or canonical head nouns: "foreign-minister", "spokesperson". */
  heads: string[];
  /** Looser names of the heads: a chief executive is also a "head". */
  broader: string[];
  /** Other content words, canonical. */
  mods: string[];
  /** Qualifiers that name a place or an owner: "ukraine" in "Ukraine's president", "us". */
  places: string[];
  /** Stems of mods, for matching a country's name with its adjective. */
  modStems: Set<string>;
  /** Each mod's stems, in the order of `mods`. */
  modStemLists: string[][];
  blocking: string[];
  /** The words that named the office, canonical: "chief", "general", "staff". */
  headWords: string[];
  /** Indexes (into the tokens given) of the words that named the office. */
  headTokens: number[];
  /** Indexes of the whole role phrase: "the former Russian president", "Shell's finance chief". */
  phraseTokens: number[];
  generic: boolean;
}

const NOT_MODIFIERS = new Set(
  "the a an and or his her their its our my your what did does do has have had was is were who whom which say said says tell told think claim write report state mean comment announce quotes quote statements remarks words anything about any".split(
    " ",
  ),
);

/** Words of a question's frame around a role phrase: "what did … say about …". */
const PHRASE_STOPS = new Set(
  "what did does do has have had was is were who whom which say said says tell told think claim write report state mean comment announce quotes quote statements remarks words anything about any when why how where and or according view views position opinion stance".split(
    " ",
  ),
);

/** Phrases by their first word, longest first, so a word looks up only its own. */
const CONCEPTS_BY_FIRST = new Map<string, (typeof CONCEPT_PHRASES)[number][]>();
for (const phrase of CONCEPT_PHRASES) {
  const list = CONCEPTS_BY_FIRST.get(phrase.words[0]!) ?? [];
  list.push(phrase);
  CONCEPTS_BY_FIRST.set(phrase.words[0]!, list);
}
const METONYMS_BY_FIRST = new Map<string, { words: string[] }[]>();
for (const phrase of METONYM_PHRASES) {
  const words = phrase.split(" ");
  METONYMS_BY_FIRST.set(words[0]!, [...(METONYMS_BY_FIRST.get(words[0]!) ?? []), { words }]);
}

interface Unit {
  inName?: boolean;
  capitalised?: boolean;
  words: string[];
  concepts: string[] | null;
  possessive: boolean;
  tokens: number[];
}

const ARTICLE_ROLE_SHAPES = new Map<string, RoleShape | null>();
/** The shape of a role an article gives, parsed once: roles repeat across speakers and questions. */
export function articleRoleShape(role: string): RoleShape | null {
  let shape = ARTICLE_ROLE_SHAPES.get(role);
  if (shape === undefined) {
    shape = roleShape(roleTokens(role));
    if (ARTICLE_ROLE_SHAPES.size < 100_000) ARTICLE_ROLE_SHAPES.set(role, shape);
  }
  return shape;
}

/** Splits a role string from an article into tokens. */
export function roleTokens(role: string): RoleToken[] {
  return [...foldForMatch(role).matchAll(/\p{L}+(?:['’]s\b)?/gu)].map((m) => ({
    word: m[0].replace(/['’]s$/, ""),
    possessive: /['’]s$/.test(m[0]),
  }));
}

/**
 * The shape of a role phrase, or null when it names no office. English puts the head of
 * a noun phrase last, before any preposition: "head of the energy regulator" is a head,
 * "adviser to the President's Office head" an adviser, "the governor's deputy" a deputy
 * (of the governor).
 */
export function roleShape(tokens: readonly RoleToken[], inQuestion = false): RoleShape | null {
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.skip) {
      units.push({ words: [], concepts: null, possessive: !!t.possessive, tokens: [i] });
      continue;
    }
    let matched = false;
    for (const phrase of METONYMS_BY_FIRST.get(t.word) ?? []) {
      if (phrase.words.every((w, k) => tokens[i + k]?.word === w && !tokens[i + k]?.skip)) {
        const last = tokens[i + phrase.words.length - 1]!;
        const idx = phrase.words.map((_, k) => i + k);
        units.push({
          words: [phrase.words.join(" ")],
          concepts: null,
          possessive: !!last.possessive,
          tokens: idx,
        });
        i += phrase.words.length - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const phrase of CONCEPTS_BY_FIRST.get(t.word) ?? []) {
      const n = phrase.words.length;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const tk = tokens[i + k];
        ok = !!tk && !tk.skip && tk.word === phrase.words[k] && (k === n - 1 || !tk.possessive);
      }
      if (!ok) continue;
      units.push({
        words: phrase.words,
        concepts: phrase.concepts,
        possessive: !!tokens[i + n - 1]!.possessive,
        tokens: phrase.words.map((_, k) => i + k),
      });
      i += n - 1;
      matched = true;
      break;
    }
    if (!matched)
      units.push({
        words: [t.word],
        concepts: null,
        possessive: !!t.possessive,
        tokens: [i],
        inName: t.inName,
        capitalised: t.capitalised,
      });
  }

  // Chunks: split before a preposition and after a possessive.
  const chunks: Unit[][] = [[]];
  for (const u of units) {
    if (u.words.length === 1 && PREPOSITIONS.has(u.words[0]!) && !u.concepts) {
      chunks.push([]);
      continue;
    }
    chunks[chunks.length - 1]!.push(u);
    if (u.possessive) chunks.push([]);
  }
  const isRole = (u: Unit) => {
    if (u.concepts) return true;
    if (u.words.length !== 1 || u.inName || !ROLE_NOUNS.has(u.words[0]!)) return false;
    // In a question, "the General Staff" names an institution; an article's role always
    // describes its person ("General Staff" for someone on it).
    const next = units[units.indexOf(u) + 1];
    return !(inQuestion && next?.words.length === 1 && INSTITUTION_NOUNS.has(next.words[0]!));
  };
  const headChunk = chunks.find((c) => c.some(isRole) && !c.at(-1)?.possessive);
  if (!headChunk) return null;
  let head = headChunk.filter(isRole).at(-1)!;
  const blocking = new Set<string>();
  for (const u of headChunk) for (const w of u.words) if (BLOCKING_WORDS.has(w)) blocking.add(w);
  // "the governor's deputy", "deputy to the governor": a deputy governor.
  if (!head.concepts && BLOCKING_WORDS.has(head.words[0]!)) {
    const other = units.find((u) => u !== head && isRole(u) && !BLOCKING_WORDS.has(u.words[0]!));
    if (other) {
      blocking.add(head.words[0]!);
      head = other;
    }
  }
  const heads = head.concepts ?? [canonicalWord(head.words[0]!)];
  const broader = [...new Set((head.concepts ?? []).flatMap(broaderOf))];
  const mods: string[] = [];
  for (const u of units) {
    if (u === head) continue;
    for (const w of u.words) {
      if (!w || NOT_MODIFIERS.has(w) || PREPOSITIONS.has(w) || BLOCKING_WORDS.has(w)) continue;
      mods.push(canonicalWord(w));
    }
    // A phrase that is also an office ("president" in "adviser to the president") qualifies.
    if (u.concepts) mods.push(...u.concepts);
  }
  const headAt = units.indexOf(head);
  const places = units
    .filter(
      (u, k) =>
        u !== head &&
        u.words.length === 1 &&
        !u.concepts &&
        !ROLE_NOUNS.has(u.words[0]!) &&
        !NOT_MODIFIERS.has(u.words[0]!) &&
        !PREPOSITIONS.has(u.words[0]!) &&
        ((u.possessive && k < headAt) || u.capitalised || isKnownPlace(u.words[0]!)),
    )
    .map((u) => canonicalWord(u.words[0]!));
  const modStemLists = mods.map(placeStems);
  const modStems = new Set(modStemLists.flat());
  // The phrase runs from the head out to the question's frame ("what did … say").
  const at = units.indexOf(head);
  const inPhrase = (u: Unit) => u.words.every((w) => !PHRASE_STOPS.has(w));
  // Before the head stand determiners, adjectives and possessors, never a preposition.
  const isPreposition = (u: Unit) =>
    !u.concepts && u.words.length === 1 && PREPOSITIONS.has(u.words[0]!);
  let from = at;
  while (from > 0 && inPhrase(units[from - 1]!) && !isPreposition(units[from - 1]!)) from--;
  let to = at;
  while (to < units.length - 1 && inPhrase(units[to + 1]!)) to++;
  const phraseTokens = units.slice(from, to + 1).flatMap((u) => u.tokens);
  return {
    heads,
    broader,
    mods,
    places,
    modStems,
    modStemLists,
    blocking: [...blocking],
    headWords: head.words.map(canonicalWord),
    headTokens: head.tokens,
    phraseTokens,
    generic: !head.concepts && GENERIC_ROLE_WORDS.has(head.words[0]!),
  };
}

const LOOSEST_HEAD = canonicalWord("head");

/** The question's qualifiers a role has: "ukraine" for "Ukrainian President". */
export function matchedMods(question: RoleShape, role: RoleShape): string[] {
  return question.mods.filter((_, i) =>
    question.modStemLists[i]!.some((s) => role.modStems.has(s)),
  );
}

/**
 * How well an article's role answers a question's role: 0 when it is another office (or
 * a former or deputy one), otherwise about 3 for the same office, 2 for a looser name of
 * it, plus one for each qualifier of the question the role has (a country, a ministry),
 * less a little for each qualifier the question did not ask for.
 */
export function roleScore(question: RoleShape, role: RoleShape): number {
  if (question.blocking.length !== role.blocking.length) return 0;
  if (question.blocking.some((b) => !role.blocking.includes(b))) return 0;
  const qHeads = question.heads;
  let score = 0;
  if (qHeads.some((h) => role.heads.includes(h))) score = 3;
  else {
    // A looser name: "boss" for a chief executive, "top general" for a commander. The
    // loosest of all, "head", counts least.
    const loose = [
      ...qHeads.filter((h) => role.broader.includes(h)),
      ...question.broader.filter((h) => role.heads.includes(h)),
    ];
    if (loose.length > 0) score = loose.some((h) => h !== LOOSEST_HEAD) ? 2 : 1.25;
  }
  if (score === 0) return 0;
  // "The analyst" is anyone's trade: a match, but below any office.
  if (question.generic || role.generic) score -= 1;
  const matched = matchedMods(question, role).length;
  // "General Staff" answers "chief of the general staff" better than "General" does.
  const inHead = role.mods.filter((m) => question.headWords.includes(m)).length;
  score += matched + 0.5 * inHead;
  score -= 0.1 * Math.max(0, role.mods.length - matched - inHead);
  return score;
}

/** The keys a role shape is indexed by: its heads and their looser names. */
export const roleIndexKeys = (shape: RoleShape): string[] => [...shape.heads, ...shape.broader];
