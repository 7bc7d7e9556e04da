import type { RoleShape } from "../speakers/match-role.ts";
import { irregularPlaceWords, placeStems } from "../speakers/role-lexicon.ts";
import { foldForMatch } from "../text/normalize.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";

/**
 * Narrowing people whose roles match a question equally (find-role-speakers.ts): by the
 * articles of whoever the role belongs to, and by how often their statements' paragraphs
 * name the question's qualifiers.
 */

/** Ties read at most: beyond, reading every statement's paragraph costs too much. */
const MAX_TIES_READ = 20;
const NOT_ASCII = /[\u0080-\uffff]/;
/** Ties beyond this are left as they are: the question names too common a role to narrow. */
const MAX_TIES_NAMED = 200;

/**
 * Among people whose roles match equally, those quoted in the articles of the named
 * organisation or person the role belongs to, or whose statements' paragraphs name the
 * question's qualifiers (a country, its adjective) most often.
 */
export function breakTies(
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

const WORD_STEMS = new Map<string, readonly string[]>();
/** placeStems of a paragraph's word, remembered: the same words come back question after question. */
function stemsOf(word: string): readonly string[] {
  let stems = WORD_STEMS.get(word);
  if (!stems) {
    stems = placeStems(word);
    if (WORD_STEMS.size < 100_000) WORD_STEMS.set(word, stems);
  }
  return stems;
}

const LETTERS = /^[a-z]+$/;

/**
 * Whether a word of lower-case ASCII `text` that holds one of `needles` has one of `stems`
 * among its place stems. Only such a word can (see irregularPlaceWords): a paragraph that
 * names its speaker's office names it in every sentence, and splitting it whole to find
 * out took most of a role question's time.
 */
function namedAround(
  text: string,
  needles: readonly string[],
  stems: ReadonlySet<string>,
): boolean {
  const letter = (at: number) => {
    const c = text.charCodeAt(at);
    return c >= 97 && c <= 122;
  };
  for (const needle of needles) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      let from = at;
      while (from > 0 && letter(from - 1)) from--;
      let to = at + needle.length;
      while (to < text.length && letter(to)) to++;
      const word = text.slice(from, to);
      if (word.length >= 4 && stemsOf(word).some((s) => stems.has(s))) return true;
    }
  }
  return false;
}

/**
 * Of `ids`, those whose statements' paragraphs name the qualifiers most often (at all);
 * unread when there are too many to read.
 */
export function quotedWith(
  ids: number[],
  qualifiers: readonly string[],
  snapshot: CorpusSnapshot,
): number[] {
  if (ids.length > MAX_TIES_READ) return ids;
  const dir = snapshot.speakers;
  const stems = qualifiers.flatMap(placeStems).filter((s) => s.length >= 4);
  const words = new Set(stems.filter((s) => !s.includes(" ")));
  const phrases = stems.filter((s) => s.includes(" ")).map((s) => ` ${s} `);
  // A paragraph names a qualifier only if one of these is in it (see irregularPlaceWords):
  // most paragraphs are turned away by a substring search, without being split into words.
  const needles = [
    ...words,
    ...irregularPlaceWords(words),
    ...phrases.map((ph) => ph.trim().split(" ")[0]!),
  ];
  // ASCII prose needs only the words around each needle read, not every word split off.
  const around = phrases.length === 0 && needles.every((n) => LETTERS.test(n));
  const names = (text: string): boolean => {
    const ascii = !NOT_ASCII.test(text);
    const lower = ascii ? text.toLowerCase() : foldForMatch(text);
    if (!needles.some((n) => lower.includes(n))) return false;
    if (ascii && around) return namedAround(lower, needles, words);
    const folded = ` ${foldForMatch(text).replace(/[^\p{L}]+/gu, " ")} `;
    return (
      phrases.some((ph) => folded.includes(ph)) ||
      folded.split(" ").some((w) => w.length >= 4 && stemsOf(w).some((s) => words.has(s)))
    );
  };
  // Read once per question: a speaker's statements often share a paragraph.
  const named = new Map<string, boolean>();
  const share = (id: number) => {
    const statements = dir.get(id).statements.slice(0, 30);
    if (statements.length === 0) return 0;
    let hits = 0;
    for (const p of statements) {
      const passage = snapshot.passages[p]!;
      const key = `${passage.article}:${passage.paragraph}`;
      let hit = named.get(key);
      if (hit === undefined) {
        hit = names(snapshot.articles[passage.article]!.paragraphs[passage.paragraph - 1] ?? "");
        named.set(key, hit);
      }
      if (hit) hits++;
    }
    return hits / statements.length;
  };
  const shares = ids.map((id) => ({ id, share: share(id) }));
  const top = Math.max(...shares.map((s) => s.share));
  return top > 0 ? shares.filter((s) => s.share >= top - 1e-9).map((s) => s.id) : [];
}
