import {
  articleRoleShape,
  matchedMods,
  type RoleShape,
  type RoleToken,
  roleIndexKeys,
  roleScore,
  roleShape,
} from "../speakers/match-role.ts";
import { canonicalWord, isKnownPlace, PREPOSITIONS } from "../speakers/role-lexicon.ts";
import { foldForMatch } from "../text/normalize.ts";
import { breakTies, quotedWith } from "./break-role-ties.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import type { QuestionWord } from "./resolve-name.ts";
import type { SpeakerDirectory } from "./speaker-directory.ts";

/** A country, a seat of power or a demonym: "us", "kremlin", "ukrainian", "qasiri". */
const isPlaceWord = (word: string) =>
  isKnownPlace(word) || (word.length >= 5 && /(?:ian|ese|ish|i)$/.test(word));

const TOPIC_MARKERS = new Set(["about", "regarding", "concerning", "re"]);
const LINKS = new Set([...PREPOSITIONS, "the", "a", "an"]);

/** One role as the articles write it, its parsed shape, and the people who hold it. */
interface RoleHolders {
  role: string;
  shape: RoleShape;
  ids: number[];
}

const ROLE_INDEX = new WeakMap<SpeakerDirectory, Map<string, RoleHolders[]>>();
/**
 * The roles the articles give, by the offices they name (and those offices' looser
 * names), each with the people who hold it; once per directory. A question scores each
 * distinct role once, however many people hold it ("Energy Minister" in a large corpus),
 * and then reads only the people of the best-scoring roles.
 */
function rolesByOffice(dir: SpeakerDirectory): Map<string, RoleHolders[]> {
  let index = ROLE_INDEX.get(dir);
  if (!index) {
    const byKey = new Map<string, Map<string, RoleHolders>>();
    for (const s of dir.all) {
      if (s.kind !== "person") continue;
      for (const role of s.roles) {
        const shape = articleRoleShape(role);
        if (!shape) continue;
        for (const k of roleIndexKeys(shape)) {
          const roles = byKey.get(k) ?? new Map<string, RoleHolders>();
          const holders = roles.get(role) ?? { role, shape, ids: [] };
          if (holders.ids.at(-1) !== s.id) holders.ids.push(s.id);
          roles.set(role, holders);
          byKey.set(k, roles);
        }
      }
    }
    index = new Map([...byKey].map(([k, roles]) => [k, [...roles.values()]]));
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
  // Each distinct role is scored once; its holders are read only at the best score that
  // has someone left, so the cost follows the people who match, not everyone with the office.
  const scored = new Map<string, number>();
  const levels: { score: number; ids: readonly number[] }[] = [];
  for (const k of [...shape.heads, ...shape.broader]) {
    for (const { role, shape: rs, ids } of index.get(k) ?? []) {
      if (scored.has(role)) continue;
      const score = roleScore(shape, rs);
      scored.set(role, score);
      if (score > 0) levels.push({ score, ids });
    }
  }
  // A person with a role of another country ("Ukrainian President" for "the French
  // president") is out, unless another of their roles names one of the question's.
  const placeOfRole = new Map<string, "same" | "other" | "none">();
  const rolePlace = (role: string) => {
    let place = placeOfRole.get(role);
    if (place === undefined) {
      const rs = articleRoleShape(role)!;
      place = matchedMods(shape, rs).some((m) => shape.places.includes(m))
        ? "same"
        : rs.mods.some(isPlaceWord)
          ? "other"
          : "none";
      placeOfRole.set(role, place);
    }
    return place;
  };
  const outOfPlace = (id: number): boolean => {
    if (shape.places.length === 0) return false;
    let other = false;
    for (const role of dir.get(id).roles) {
      if (!((scored.get(role) ?? 0) > 0)) continue;
      const place = rolePlace(role);
      if (place === "same") return false;
      if (place === "other") other = true;
    }
    return other;
  };
  levels.sort((a, b) => b.score - a.score);
  const excluded = new Map<number, boolean>();
  const isOut = (id: number) => {
    let out = excluded.get(id);
    if (out === undefined) {
      out = outOfPlace(id);
      excluded.set(id, out);
    }
    return out;
  };
  const top = levels.find((level) => level.ids.some((id) => !isOut(id)))?.score ?? 0;
  const chosen = new Set<number>();
  for (const level of levels) {
    if (Math.abs(level.score - top) >= 1e-9) continue;
    for (const id of level.ids) if (!isOut(id)) chosen.add(id);
  }
  let matched = [...chosen].sort((a, b) => a - b);
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
