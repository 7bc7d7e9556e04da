import {
  articleRoleShape,
  matchedMods,
  type RoleShape,
  type RoleToken,
  roleIndexKeys,
  roleScore,
  roleShape,
} from "../speakers/match-role.ts";
import { canonicalWord, isKnownPlace, PREPOSITIONS, placeStems } from "../speakers/role-lexicon.ts";
import { foldForMatch } from "../text/normalize.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import type { QuestionWord } from "./resolve-name.ts";
import type { SpeakerDirectory } from "./speaker-directory.ts";

/** A country, a seat of power or a demonym: "us", "kremlin", "ukrainian", "qasiri". */
const isPlaceWord = (word: string) =>
  isKnownPlace(word) || (word.length >= 5 && /(?:ian|ese|ish|i)$/.test(word));

const TOPIC_MARKERS = new Set(["about", "regarding", "concerning", "re"]);
const MAX_TIES_READ = 20;
/** Ties beyond this are left as they are: the question names too common a role to narrow. */
const MAX_TIES_NAMED = 200;
const LINKS = new Set([...PREPOSITIONS, "the", "a", "an"]);

const ROLE_INDEX = new WeakMap<SpeakerDirectory, Map<string, Map<string, number[]>>>();
/**
 * The roles the articles give, by the offices they name (and those offices' looser
 * names), each with the people who hold it; once per directory. A question scores each
 * distinct role once, however many people hold it ("Energy Minister" in a large corpus).
 */
function rolesByOffice(dir: SpeakerDirectory): Map<string, Map<string, number[]>> {
  let index = ROLE_INDEX.get(dir);
  if (!index) {
    index = new Map();
    for (const s of dir.all) {
      if (s.kind !== "person") continue;
      for (const role of s.roles) {
        const shape = articleRoleShape(role);
        if (!shape) continue;
        for (const k of roleIndexKeys(shape)) {
          const roles = index.get(k) ?? new Map<string, number[]>();
          const ids = roles.get(role) ?? [];
          if (ids.at(-1) !== s.id) ids.push(s.id);
          roles.set(role, ids);
          index.set(k, roles);
        }
      }
    }
    ROLE_INDEX.set(dir, index);
  }
  return index;
}

/** The people a role phrase describes; `speakers` is empty when the articles quote no one so described. */
export interface RoleMatch {
  speakers: number[];
  score: number;
  /** Question words that named the role, to leave out of the topic. */
  usedWords: string[];
  /** The names the question gives belong to the role: "Shell's spokeswoman", "governor of Kherson". */
  ownsNames: boolean;
  /** The role phrase as typed: "Zelensky's chief of staff". */
  phrase: string;
}

/**
 * The people a question describes by role ("Ukraine's top general", "the party boss"):
 * the question's role phrase against every role the articles give, preferring the most
 * specific match; ties go to the people quoted beside what the question ties the role to
 * (the organisation in "Shell's spokeswoman", the country in "Russia's foreign minister").
 */
export function findRoleSpeakers(
  qWords: readonly QuestionWord[],
  nameWords: ReadonlySet<number>,
  orgWords: ReadonlySet<number>,
  snapshot: CorpusSnapshot,
  namedIds: readonly number[],
): RoleMatch | null {
  const dir = snapshot.speakers;
  const tokens: RoleToken[] = [];
  const tokenWord: number[] = [];
  qWords.forEach((w, i) => {
    // An organisation's name may be part of a role: "chief of the General Staff".
    if (nameWords.has(i) && !orgWords.has(i)) {
      // A name stands in the phrase as a qualifier: "Shell's spokeswoman".
      tokens.push({ word: "", skip: true, possessive: w.possessive });
      tokenWord.push(i);
      return;
    }
    const parts = foldForMatch(w.raw)
      .split(/[^\p{L}]+/u)
      .filter(Boolean);
    parts.forEach((p, k) => {
      tokens.push({
        word: p,
        possessive: w.possessive && k === parts.length - 1,
        inName: orgWords.has(i),
        capitalised: w.capitalised && i > 0,
      });
      tokenWord.push(i);
    });
  });
  const shape = roleShape(tokens, true);
  if (!shape) return null;
  // A role after "about" is the topic, not the speaker: "what was said about the prosecutor's plan".
  const topicAt = tokens.findIndex((t) => TOPIC_MARKERS.has(t.word));
  if (topicAt >= 0 && Math.min(...shape.headTokens) > topicAt) return null;
  // Names the role belongs to: "Shell's spokeswoman", "the governor of Kherson".
  const head = Math.min(...shape.headTokens);
  const headEnd = Math.max(...shape.headTokens);
  // A name inside the role phrase: before its head ("Shell's spokeswoman", "the Times
  // columnist") or in its complement ("the governor of Kherson").
  const inPhrase = new Set(shape.phraseTokens.map((k) => tokenWord[k]!));
  const ownsNames =
    nameWords.size > 0 &&
    [...nameWords].every((i) => {
      if (inPhrase.has(i)) return true;
      const at = tokenWord.indexOf(i);
      if (at < head)
        return qWords[i]!.possessive || tokens.slice(at + 1, head).some((t) => t.possessive);
      return tokens.slice(headEnd + 1, at).every((t) => LINKS.has(t.word) || t.skip);
    });
  const phraseWords = [...new Set(shape.phraseTokens.map((k) => tokenWord[k]!))].sort(
    (a, b) => a - b,
  );
  const phrase = phraseWords
    .map((i) => `${qWords[i]!.raw}${qWords[i]!.possessive ? "'s" : ""}`)
    .join(" ")
    .replace(/^(the|a|an)\s+/i, "");
  const nobody: RoleMatch = { speakers: [], score: 0, usedWords: [], ownsNames, phrase };
  const index = rolesByOffice(dir);
  const scored = new Map<string, number>();
  const best = new Map<number, number>();
  // People with a role of another country ("Ukrainian President" for "the French
  // president"), and people with one of the question's.
  const otherPlace = new Set<number>();
  const samePlace = new Set<number>();
  for (const k of [...shape.heads, ...shape.broader]) {
    for (const [role, ids] of index.get(k) ?? []) {
      if (scored.has(role)) continue;
      const rs = articleRoleShape(role);
      const score = rs ? roleScore(shape, rs) : 0;
      scored.set(role, score);
      if (score <= 0 || !rs) continue;
      for (const id of ids) if (score > (best.get(id) ?? 0)) best.set(id, score);
      if (shape.places.length === 0) continue;
      const matchedPlaces = matchedMods(shape, rs).filter((m) => shape.places.includes(m));
      if (matchedPlaces.length > 0) for (const id of ids) samePlace.add(id);
      else if (rs.mods.some(isPlaceWord)) for (const id of ids) otherPlace.add(id);
    }
  }
  for (const id of otherPlace) if (!samePlace.has(id)) best.delete(id);
  const top = Math.max(0, ...best.values());
  let matched = [...best]
    .filter(([, score]) => score > 0 && Math.abs(score - top) < 1e-9)
    .map(([id]) => id)
    .sort((a, b) => a - b);
  if (matched.length === 0) return nobody;
  const topRoles = [...scored].filter(([, score]) => Math.abs(score - top) < 1e-9);
  const placeInRole = topRoles.some(([role]) => {
    const rs = articleRoleShape(role);
    return !!rs && matchedMods(shape, rs).some((m) => shape.places.includes(m));
  });
  if (shape.places.length > 0 && !placeInRole) {
    // "The US president" is none of the presidents whose roles name no country, unless
    // what they said is about it.
    matched = quotedWith(matched, shape.places, snapshot);
    if (matched.length === 0) return nobody;
  } else if (matched.length > 1) matched = breakTies(matched, shape, snapshot, namedIds);
  // The words that named the role: its head, its blocking words, the qualifiers it matched.
  const used = new Set(shape.headTokens.map((t) => tokenWord[t]!));
  const mods = new Set(
    [...scored]
      .filter(([, score]) => Math.abs(score - top) < 1e-9)
      .flatMap(([role]) => {
        const rs = articleRoleShape(role);
        return rs ? matchedMods(shape, rs) : [];
      }),
  );
  tokens.forEach((t, k) => {
    if (mods.has(canonicalWord(t.word)) || shape.blocking.includes(t.word)) used.add(tokenWord[k]!);
  });
  for (const k of shape.phraseTokens) used.add(tokenWord[k]!);
  const usedWords = [...used].map((i) => qWords[i]!.raw);
  return { speakers: matched, score: top, usedWords, ownsNames, phrase };
}

/**
 * Among people whose roles match equally, those quoted in the articles of the named
 * organisation or person the role belongs to, or whose statements' paragraphs name the
 * question's qualifiers (a country, its adjective) most often.
 */
function breakTies(
  ids: number[],
  shape: RoleShape,
  snapshot: CorpusSnapshot,
  namedIds: readonly number[],
): number[] {
  const dir = snapshot.speakers;
  const articlesOf = (id: number) =>
    new Set(dir.get(id).statements.map((p) => snapshot.passages[p]!.article));
  if (ids.length > MAX_TIES_NAMED) return ids;
  if (namedIds.length > 0) {
    const theirs = new Set(namedIds.flatMap((id) => [...articlesOf(id)]));
    const together = ids.filter((id) => [...articlesOf(id)].some((a) => theirs.has(a)));
    if (together.length > 0) ids = together;
  }
  if (ids.length === 1 || shape.mods.length === 0) return ids;
  const best = quotedWith(ids, shape.mods, snapshot);
  return best.length > 0 ? best : ids;
}

/**
 * Of `ids`, those whose statements' paragraphs name the qualifiers most often (at all);
 * unread when there are too many to read.
 */
function quotedWith(
  ids: number[],
  qualifiers: readonly string[],
  snapshot: CorpusSnapshot,
): number[] {
  if (ids.length > MAX_TIES_READ) return ids;
  const dir = snapshot.speakers;
  const stems = qualifiers.flatMap(placeStems).filter((s) => s.length >= 4);
  const words = new Set(stems.filter((s) => !s.includes(" ")));
  const phrases = stems.filter((s) => s.includes(" ")).map((s) => ` ${s} `);
  const share = (id: number) => {
    const statements = dir.get(id).statements.slice(0, 30);
    if (statements.length === 0) return 0;
    let hits = 0;
    for (const p of statements) {
      const passage = snapshot.passages[p]!;
      const text = snapshot.articles[passage.article]!.paragraphs[passage.paragraph - 1] ?? "";
      const folded = ` ${foldForMatch(text).replace(/[^\p{L}]+/gu, " ")} `;
      const hit =
        phrases.some((ph) => folded.includes(ph)) ||
        folded.split(" ").some((w) => w.length >= 4 && placeStems(w).some((s) => words.has(s)));
      if (hit) hits++;
    }
    return hits / statements.length;
  };
  const shares = ids.map((id) => ({ id, share: share(id) }));
  const top = Math.max(...shares.map((s) => s.share));
  return top > 0 ? shares.filter((s) => s.share >= top - 1e-9).map((s) => s.id) : [];
}
