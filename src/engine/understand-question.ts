import { GENERIC_ROLE_WORDS, NON_NAME_WORDS, ROLE_WORDS } from "../speakers/lexicon.ts";
import { nameKey } from "../speakers/name-key.ts";
import { analyzeQuestion, QUESTION_WORDS, STOP_WORDS } from "../text/analyze.ts";
import { foldForMatch } from "../text/normalize.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import type { SpeakerDirectory } from "./speaker-directory.ts";

/** What the engine makes of a question before it retrieves anything. */
export interface QuestionIntent {
  /** Speakers the question asks about, by name or by role. */
  speakers: number[];
  /** How the speakers were found; "context" means from the previous answer (a follow-up). */
  speakerSource: "name" | "role" | "context" | null;
  /** Analysed topic terms: the question without its speaker and question words. */
  terms: string[];
  /** A name the question asks about that the corpus never mentions ("Joe Biden"). */
  unknownName: string | null;
  /** "what else", "more": the person wants quotes not shown yet. */
  wantsMore: boolean;
}

const PERSONAL_PRONOUN = /\b(he|she|him|her|his|hers|they|them|their)\b/i;
const MORE = /\b(else|more|another|other|further|again)\b/i;
const SPEAKER_FRAME =
  /\b(?:what|how|why|when|where)\s+(?:did|does|do|has|have|had|was|is|were)\s+(.+?)\s+(?:say|said|tell|told|think|claim|write|report|state|mean|comment|announce|warn|believe|argue|suggest)\b/i;
const QUOTES_BY =
  /\b(?:quotes?|statements?|comments?|remarks?|words)\s+(?:by|from|of)\s+(.+?)[?.!]*$/i;
const POSSESSIVE_STATEMENT =
  /^(.+?)['’]s\s+(?:statements?|quotes?|comments?|remarks?|words|position|view)\b/i;

/** Question words as name keys, to find aliases in "what did putin say". */
function questionWords(question: string): { key: string; raw: string; possessive: boolean }[] {
  return [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)].map((m) => {
    const raw = m[0];
    return { key: nameKey(raw), raw: raw.replace(/['’]s$/, ""), possessive: /['’]s$/.test(raw) };
  });
}

const roleWordsOf = (text: string) =>
  foldForMatch(text)
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map((w) => (w === "advisor" ? "adviser" : w));

// Every role-word question scans every speaker's roles: fold each role once, not per question.
const ROLE_WORD_SETS = new Map<string, ReadonlySet<string>>();
const roleWordSet = (role: string): ReadonlySet<string> => {
  let set = ROLE_WORD_SETS.get(role);
  if (!set) {
    set = new Set(roleWordsOf(role));
    if (ROLE_WORD_SETS.size < 50_000) ROLE_WORD_SETS.set(role, set);
  }
  return set;
};

const ROLE_WORD_INDEX = new WeakMap<SpeakerDirectory, Map<string, number[]>>();

/** People by each role word (ROLE_WORDS only) of their roles; once per directory. */
function peopleByRoleWord(dir: SpeakerDirectory): Map<string, number[]> {
  let index = ROLE_WORD_INDEX.get(dir);
  if (!index) {
    index = new Map();
    for (const s of dir.all) {
      if (s.kind !== "person") continue;
      for (const role of s.roles) {
        for (const w of roleWordSet(role)) {
          if (!ROLE_WORDS.has(w)) continue;
          const ids = index.get(w) ?? [];
          if (ids.at(-1) !== s.id) ids.push(s.id);
          index.set(w, ids);
        }
      }
    }
    ROLE_WORD_INDEX.set(dir, index);
  }
  return index;
}

/**
 * Finds the speakers a question names or describes, its topic terms, and a name it asks
 * about that the corpus does not know. Pure: reads the snapshot, never changes it.
 */
export function understandQuestion(
  question: string,
  snapshot: CorpusSnapshot,
  contextSpeaker: string | null,
): QuestionIntent {
  const dir = snapshot.speakers;
  const qWords = questionWords(question);
  const found = new Set<number>();
  const nameWordIdx = new Set<number>();
  let possessiveName = false;
  // Longest aliases first: "new york times" before "times".
  for (let i = 0; i < qWords.length; i++) {
    for (let n = Math.min(dir.longestAlias, qWords.length - i); n >= 1; n--) {
      const key = qWords
        .slice(i, i + n)
        .map((w) => w.key)
        .join(" ");
      const ids = dir.byAlias(key);
      if (ids.length === 0) continue;
      for (const id of ids) found.add(id);
      for (let k = i; k < i + n; k++) nameWordIdx.add(k);
      if (qWords[i + n - 1]?.possessive) possessiveName = true;
      i += n - 1;
      break;
    }
  }

  // Roles: "the foreign minister", "Putin's foreign policy aide".
  const rest = qWords
    .filter((_, i) => !nameWordIdx.has(i))
    .flatMap((w) => roleWordsOf(w.raw))
    .filter((w) => !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w));
  const wantsFormer = rest.includes("former");
  let roleMatch: number[] = [];
  let best = 0;
  let roleWordsUsed: string[] = [];
  if (rest.some((w) => ROLE_WORDS.has(w))) {
    // Only people with a role word of the question can match: look them up, in id order,
    // rather than scanning every speaker (thousands in a large corpus).
    const byRoleWord = peopleByRoleWord(dir);
    const candidates = new Set<number>();
    for (const w of rest) for (const id of byRoleWord.get(w) ?? []) candidates.add(id);
    const matched = new Set<number>();
    for (const id of [...candidates].sort((a, b) => a - b)) {
      const s = dir.get(id);
      for (const role of s.roles) {
        const rw = roleWordSet(role);
        if (rw.has("former") !== wantsFormer) continue;
        const hit = rest.filter((w) => rw.has(w) && w !== "former");
        if (!hit.some((w) => ROLE_WORDS.has(w))) continue;
        const generic =
          hit.every((w) => GENERIC_ROLE_WORDS.has(w) || !ROLE_WORDS.has(w)) && hit.length === 1;
        const score = hit.length + (generic ? 0 : 0.5);
        if (score > best) {
          best = score;
          roleMatch = [s.id];
          matched.clear();
          matched.add(s.id);
          roleWordsUsed = hit;
        } else if (score === best && !matched.has(s.id)) {
          roleMatch.push(s.id);
          matched.add(s.id);
        }
      }
    }
  }
  let speakers = [...found];
  let speakerSource: QuestionIntent["speakerSource"] = speakers.length > 0 ? "name" : null;
  // A possessive name followed by a role is someone else: "Putin's foreign policy aide".
  if (roleMatch.length > 0 && (speakers.length === 0 || (possessiveName && best >= 2))) {
    speakers = roleMatch;
    speakerSource = "role";
  }
  const wantsMore = MORE.test(question);
  if (
    speakers.length === 0 &&
    contextSpeaker &&
    (PERSONAL_PRONOUN.test(question) || /^\W*(what else|more|and)\b/i.test(question))
  ) {
    const ctx = dir.all.find((s) => s.name === contextSpeaker);
    if (ctx) {
      speakers = [ctx.id];
      speakerSource = "context";
    }
  }

  const excluded = new Set<string>();
  for (const i of nameWordIdx) for (const t of analyzeQuestion(qWords[i]!.raw)) excluded.add(t);
  if (speakerSource === "role")
    for (const w of roleWordsUsed) for (const t of analyzeQuestion(w)) excluded.add(t);
  if (speakerSource === "context")
    for (const t of analyzeQuestion("else more another other further again")) excluded.add(t);
  const terms = analyzeQuestion(question).filter((t) => !excluded.has(t));

  return {
    speakers,
    speakerSource,
    terms,
    unknownName: speakers.length > 0 ? null : findUnknownName(question, snapshot),
    wantsMore,
  };
}

/** Title-cases a name typed in lower case: "joe biden" -> "Joe Biden". */
function displayName(name: string): string {
  return name === name.toLowerCase() ? name.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase()) : name;
}

/**
 * The person a question asks about when the corpus never mentions them: the subject of
 * "what did X say" or a capitalised name, none of whose words occur in the corpus.
 */
function findUnknownName(question: string, snapshot: CorpusSnapshot): string | null {
  const candidates: string[] = [];
  const frame =
    SPEAKER_FRAME.exec(question) ?? QUOTES_BY.exec(question) ?? POSSESSIVE_STATEMENT.exec(question);
  if (frame?.[1]) candidates.push(frame[1].trim());
  for (const m of question.matchAll(/(?:\p{Lu}[\p{Ll}'’-]+)(?:\s+\p{Lu}[\p{Ll}'’-]+)+/gu)) {
    candidates.push(m[0]);
  }
  for (const candidate of candidates) {
    const clean = candidate.replace(/^(the|a|an)\s+/i, "").replace(/['’]s$/, "");
    const parts = clean
      .split(/\s+/)
      .filter((w) => !NON_NAME_WORDS.has(w) || /^(the|a|an)$/i.test(w));
    const keys = clean
      .split(/\s+/)
      .map(nameKey)
      .filter((k) => k && !STOP_WORDS.has(k));
    if (parts.length === 0 || keys.length === 0 || keys.length > 5) continue;
    if (keys.every((k) => !snapshot.wordKeys.has(k))) {
      const article = /^the\s/i.test(candidate) ? "the " : "";
      return `${article}${displayName(clean)}`;
    }
  }
  return null;
}
