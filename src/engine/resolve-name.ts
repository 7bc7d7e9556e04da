import { NON_NAME_WORDS } from "../speakers/lexicon.ts";
import { nameKey } from "../speakers/name-key.ts";
import {
  editDistance,
  latinSpellings,
  maxEdits,
  nameWordsAlike,
  soundKeys,
} from "../speakers/name-match.ts";
import { HONORIFICS, ROLE_NOUNS } from "../speakers/role-lexicon.ts";
import { QUESTION_WORDS, STOP_WORDS } from "../text/analyze.ts";
import { foldForMatch } from "../text/normalize.ts";
import type { SpeakerDirectory } from "./speaker-directory.ts";

/** A word of a question, with the name keys it may stand for. */
export interface QuestionWord {
  /** As typed, without a possessive 's; Cyrillic kept. */
  raw: string;
  /** `raw` folded (lower case, no accents), for word lists: "deputy", not the key "deputi". */
  lower: string;
  /** nameKey of the word, of its Latin spelling when it is Cyrillic. */
  key: string;
  /** Other Latin spellings' keys (the Russian transliteration of a Cyrillic word). */
  altKeys: string[];
  possessive: boolean;
  capitalised: boolean;
}

/** Splits a question into words keyed for name lookups; Cyrillic words are transliterated. */
export function questionWords(question: string): QuestionWord[] {
  return [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)].map((m) => {
    const raw = m[0].replace(/['’]s$/, "");
    const [first, ...others] = latinSpellings(raw).map(nameKey);
    return {
      raw,
      lower: foldForMatch(raw),
      key: first ?? "",
      altKeys: others.filter((k) => k !== first),
      possessive: /['’]s$/.test(m[0]),
      capitalised: /^\p{Lu}/u.test(raw),
    };
  });
}

export interface NameMatches {
  /** Speakers named, in the order named. */
  found: number[];
  /** Indexes of the question words that named them. */
  nameWords: Set<number>;
  /** Indexes of the words that named an organisation ("the General Staff"). */
  orgWords: Set<number>;
  /** A name ends in 's ("Putin's foreign policy aide"). */
  possessive: boolean;
  /** Words that are nearly a speaker's name, but not surely: "Did you mean …?" */
  suggestion: { typed: string; id: number } | null;
}

const ARTICLES = new Set(["the", "a", "an"]);

interface FuzzyIndex {
  /** Single-word alias keys by sound key and by first three letters. */
  buckets: Map<string, Set<string>>;
}
const FUZZY = new WeakMap<SpeakerDirectory, FuzzyIndex>();

/** Aliases of one word by how they sound and begin; once per directory. */
function fuzzyIndex(dir: SpeakerDirectory): FuzzyIndex {
  let index = FUZZY.get(dir);
  if (!index) {
    const buckets = new Map<string, Set<string>>();
    const put = (k: string, alias: string) =>
      buckets.set(k, (buckets.get(k) ?? new Set()).add(alias));
    for (const e of dir.all) {
      if (e.kind !== "person") continue;
      for (const alias of e.aliases) {
        if (alias.includes(" ") || alias.length < 3) continue;
        for (const k of soundKeys(alias)) put(`s:${k}`, alias);
        put(`p:${alias.slice(0, 3)}`, alias);
        put(`m:${alias.slice(1, 4)}`, alias);
      }
    }
    index = { buckets };
    FUZZY.set(dir, index);
  }
  return index;
}

/**
 * Near aliases of a word the corpus never uses: "sure" when it sounds like the alias and
 * is within a few edits (Podolak for Podolyak), otherwise only "near" (a suggestion).
 * Looked up by sound key and by leading letters, never against every alias.
 */
function nearAliases(dir: SpeakerDirectory, key: string): { sure: string[]; near: string[] } {
  const { buckets } = fuzzyIndex(dir);
  const candidates = new Set<string>();
  for (const k of soundKeys(key)) for (const a of buckets.get(`s:${k}`) ?? []) candidates.add(a);
  for (const a of buckets.get(`p:${key.slice(0, 3)}`) ?? []) candidates.add(a);
  // A wrong first letter: "Kalvorsen" for Halvorsen.
  for (const a of buckets.get(`m:${key.slice(1, 4)}`) ?? []) candidates.add(a);
  const sure: string[] = [];
  const near: string[] = [];
  for (const alias of candidates) {
    if (nameWordsAlike(key, alias)) sure.push(alias);
    else if (editDistance(key, alias) <= maxEdits(alias)) near.push(alias);
  }
  return { sure, near };
}

const canBeName = (w: QuestionWord) =>
  w.key.length >= 4 &&
  !STOP_WORDS.has(w.lower) &&
  !QUESTION_WORDS.has(w.lower) &&
  !ROLE_NOUNS.has(w.lower) &&
  !HONORIFICS.has(w.lower) &&
  !NON_NAME_WORDS.has(w.raw);

const FRAME_START = new Set(["did", "does", "do", "has", "have", "had", "is", "was", "were"]);
const FRAME_END = new Set(
  "say says said saying tell told think thinks claim claimed write wrote mean comment announce warn believe argue suggest been".split(
    " ",
  ),
);
const QUOTE_NOUNS = new Set([
  "quote",
  "quotes",
  "statement",
  "statements",
  "comments",
  "remarks",
  "words",
]);

/** Words where a name stands: "what did X say", "quotes from X", "X quotes". */
function framedWords(qWords: readonly QuestionWord[]): Set<number> {
  const framed = new Set<number>();
  const keys = qWords.map((w) => w.raw.toLowerCase());
  const start = keys.findIndex((k) => FRAME_START.has(k));
  if (start >= 0) {
    const end = keys.findIndex((k, i) => i > start && FRAME_END.has(k));
    if (end > start + 1 && end - start <= 5) for (let i = start + 1; i < end; i++) framed.add(i);
  }
  keys.forEach((k, i) => {
    if (!QUOTE_NOUNS.has(k)) return;
    if (["from", "by", "of"].includes(keys[i + 1] ?? "")) {
      for (let j = i + 2; j < Math.min(keys.length, i + 5); j++) framed.add(j);
    } else if (i > 0) framed.add(i - 1);
  });
  return framed;
}

/**
 * Finds the speakers a question names: by their aliases (longest first: "new york times"
 * before "times"), by a Cyrillic spelling's transliteration, and by misspellings a few
 * edits from an alias that sound like it. A given name or title typed beside a surname
 * ("Mikhail Podolyak", "general Syrskyi") counts as part of the name.
 */
export function resolveNames(
  qWords: readonly QuestionWord[],
  dir: SpeakerDirectory,
  corpusWords: ReadonlySet<string>,
): NameMatches {
  const found: number[] = [];
  const nameWords = new Set<number>();
  const orgWords = new Set<number>();
  /** The speakers named by the name that starts at each word. */
  const namedAt = new Map<number, readonly number[]>();
  let possessive = false;
  const add = (ids: readonly number[], from: number, to: number) => {
    for (const id of ids) if (!found.includes(id)) found.push(id);
    const org = ids.some((id) => dir.get(id).kind === "organization");
    for (let k = from; k < to; k++) {
      nameWords.add(k);
      if (org) orgWords.add(k);
    }
    namedAt.set(from, ids);
    if (qWords[to - 1]?.possessive) possessive = true;
  };
  const people = (ids: readonly number[]) => ids.filter((id) => dir.get(id).kind === "person");
  // A lone surname right after an article is a common noun ("the hospital").
  const weak = (i: number, n: number, ids: readonly number[]) =>
    n === 1 && i > 0 && ARTICLES.has(qWords[i - 1]!.lower) && people(ids).length === ids.length;

  for (let i = 0; i < qWords.length; i++) {
    for (let n = Math.min(dir.longestAlias, qWords.length - i); n >= 1; n--) {
      const slice = qWords.slice(i, i + n);
      let ids = dir.byAlias(slice.map((w) => w.key).join(" "));
      if (ids.length === 0 && slice.some((w) => w.altKeys.length > 0))
        ids = dir.byAlias(slice.map((w) => w.altKeys[0] ?? w.key).join(" "));
      if (ids.length === 0 || weak(i, n, ids)) continue;
      add(ids, i, i + n);
      i += n - 1;
      break;
    }
  }

  // Misspelt names: words the corpus never uses that sound like one alias. A word where a
  // name stands ("what did X say", "Xyz quotes", capitalised) may be further off than one
  // in the middle of a topic ("measels"), and only such a word gets a suggestion.
  let suggestion: NameMatches["suggestion"] = null;
  const framed = framedWords(qWords);
  qWords.forEach((w, i) => {
    if (nameWords.has(i) || !canBeName(w) || corpusWords.has(w.key)) return;
    const namePosition =
      w.capitalised || framed.has(i) || nameWords.has(i - 1) || nameWords.has(i + 1);
    const { sure: alike, near } = nearAliases(dir, w.key);
    const sure = namePosition ? alike : alike.filter((a) => editDistance(w.key, a) <= 1);
    const sureIds = people([...new Set(sure.flatMap((a) => dir.byAlias(a)))]);
    if (sureIds.length > 0) {
      add(sureIds, i, i + 1);
      return;
    }
    const nearIds = people([...new Set(near.flatMap((a) => dir.byAlias(a)))]);
    if (nearIds.length > 0 && !suggestion && namePosition) {
      const best = nearIds.sort(
        (a, b) => dir.get(b).statements.length - dir.get(a).statements.length,
      )[0]!;
      suggestion = { typed: w.raw, id: best };
    }
  });

  // Given names and titles typed beside a surname: "Mikhail Podolyak", "general Syrskyi".
  for (const i of [...nameWords].sort((a, b) => a - b)) {
    if (nameWords.has(i - 1)) continue;
    const entries = people(namedAt.get(i) ?? []);
    if (entries.length === 0) continue;
    for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
      const w = qWords[j]!;
      if (nameWords.has(j) || STOP_WORDS.has(w.lower) || QUESTION_WORDS.has(w.lower)) break;
      const givenNames = entries.flatMap((id) =>
        dir.get(id).spellings.map((s) => nameKey(s).split(" ")[0] ?? ""),
      );
      const titles = entries.flatMap((id) => dir.get(id).roles.map((r) => r.toLowerCase()));
      const isGiven =
        givenNames.some((g) => nameWordsAlike(w.key, g)) ||
        (w.capitalised && !NON_NAME_WORDS.has(w.raw) && !ROLE_NOUNS.has(w.lower) && j === i - 1);
      const isTitle =
        HONORIFICS.has(w.lower) ||
        (ROLE_NOUNS.has(w.lower) && titles.some((t) => t.split(/\W+/).includes(w.lower)));
      if (!isGiven && !isTitle) break;
      nameWords.add(j);
    }
  }
  return {
    found,
    nameWords,
    orgWords,
    possessive,
    suggestion: found.length > 0 ? null : suggestion,
  };
}
