import { NON_NAME_WORDS } from "../speakers/lexicon.ts";
import { nameKey } from "../speakers/name-key.ts";
import { analyzeQuestion, STOP_WORDS } from "../text/analyze.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import { detectForeignLanguage } from "./detect-language.ts";
import { findRoleSpeakers } from "./find-role-speakers.ts";
import { questionWords, resolveNames } from "./resolve-name.ts";

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
  /** A speaker whose name is close to one the question typed, when not sure enough to answer. */
  suggestion: { typed: string; name: string } | null;
  /** The question's language when it is not English (ISO 639-1, "und" when unknown). */
  language: string | null;
  /** The question's words (as typed) that named a speaker, misspelt or transliterated ones too. */
  nameWords: string[];
}

/**
 * How well a role the question ties to a name ("Shell's spokeswoman") must match for
 * the role's holder to be meant rather than the name: any office, not only a loose "head".
 */
const MIN_OWNED_ROLE_SCORE = 1.5;

const PERSONAL_PRONOUN = /\b(he|she|him|her|his|hers|they|them|their)\b/i;
const SUBJECT_PRONOUN = /^(he|she)$/i;
/** How a follow-up opens when it names no one: "what else", "and on the strike?", "what about …". */
const FOLLOW_UP_OPENING = /^\W*(what else|more|and|(what|how) about)\b/i;
const MORE = /\b(else|more|another|other|further|again)\b/i;
const SPEAKER_FRAME =
  /\b(?:what|how|why|when|where)\s+(?:did|does|do|has|have|had|was|is|were)\s+(.+?)\s+(?:say|said|tell|told|think|claim|write|report|state|mean|comment|announce|warn|believe|argue|suggest)\b/i;
const QUOTES_BY =
  /\b(?:quotes?|statements?|comments?|remarks?|words)\s+(?:by|from|of)\s+(.+?)[?.!]*$/i;
const POSSESSIVE_STATEMENT =
  /^(.+?)['’]s\s+(?:statements?|quotes?|comments?|remarks?|words|position|view)\b/i;

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
  const names = resolveNames(qWords, dir, snapshot.wordKeys);
  const nameWordIdx = names.nameWords;

  // Roles: "the foreign minister", "Putin's foreign policy aide", "Ukraine's top general".
  const role = findRoleSpeakers(qWords, nameWordIdx, names.orgWords, snapshot, names.found);
  let speakers = [...names.found];
  let speakerSource: QuestionIntent["speakerSource"] = speakers.length > 0 ? "name" : null;
  // A name the role belongs to is someone else: "Putin's foreign policy aide", "the
  // governor of Kherson".
  let unknownRole: string | null = null;
  if (
    role &&
    role.speakers.length > 0 &&
    (speakers.length === 0 || (role.ownsNames && role.score >= MIN_OWNED_ROLE_SCORE))
  ) {
    speakers = role.speakers;
    speakerSource = "role";
  } else if (role?.ownsNames) {
    // "Zelensky's chief of staff" when the articles quote no one so described: not Zelensky.
    speakers = [];
    speakerSource = null;
    unknownRole = role.phrase;
  }
  const wantsMore = MORE.test(question);
  // "Does he think Norvik will walk away?" after a question about an analyst: "he", before
  // any name, is the analyst, and the company is what he is asked about.
  let namesAreTopic = false;
  const pronounAt = qWords.findIndex((w) => SUBJECT_PRONOUN.test(w.raw));
  const pronounFirst =
    speakerSource === "name" && pronounAt >= 0 && pronounAt < Math.min(...nameWordIdx);
  if (
    (speakers.length === 0 || pronounFirst) &&
    contextSpeaker &&
    (PERSONAL_PRONOUN.test(question) || FOLLOW_UP_OPENING.test(question))
  ) {
    const ctx = dir.all.find((s) => s.name === contextSpeaker);
    if (ctx) {
      namesAreTopic = speakers.length > 0;
      speakers = [ctx.id];
      speakerSource = "context";
    }
  }

  const otherWords = qWords.filter((_, i) => !nameWordIdx.has(i)).map((w) => w.raw);
  const language = detectForeignLanguage(question, otherWords, (w) =>
    snapshot.wordKeys.has(nameKey(w)),
  );

  const excluded = new Set<string>();
  if (!namesAreTopic)
    for (const i of nameWordIdx) for (const t of analyzeQuestion(qWords[i]!.raw)) excluded.add(t);
  if (speakerSource === "role" && role)
    for (const w of role.usedWords) for (const t of analyzeQuestion(w)) excluded.add(t);
  if (speakerSource === "context")
    for (const t of analyzeQuestion("else more another other further again")) excluded.add(t);
  let terms = analyzeQuestion(question).filter((t) => !excluded.has(t));
  if (language) {
    // The words of another language match nothing in English articles: keep only the
    // names in it that the corpus knows ("Baltic Wind Partners").
    const known = new Set<string>();
    qWords.forEach((w, i) => {
      if (i === 0 || nameWordIdx.has(i) || !w.capitalised || w.altKeys.length > 0) return;
      if (!snapshot.wordKeys.has(w.key)) return;
      for (const t of analyzeQuestion(w.raw)) known.add(t);
    });
    terms = terms.filter((t) => known.has(t));
  }

  const suggestion =
    speakers.length === 0 && names.suggestion
      ? { typed: names.suggestion.typed, name: dir.get(names.suggestion.id).name }
      : null;
  return {
    nameWords: [...nameWordIdx].map((i) => qWords[i]!.raw),
    speakers,
    speakerSource,
    terms,
    unknownName:
      speakers.length > 0 || language
        ? null
        : (unknownRole ?? suggestion?.typed ?? findUnknownName(question, snapshot)),
    wantsMore,
    suggestion,
    language,
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
