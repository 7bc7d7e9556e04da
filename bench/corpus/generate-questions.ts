import type { Article } from "../../src/corpus/article.ts";
import { createPrng, type Prng } from "./prng.ts";

/**
 * "role": a speaker by office ("What did the Valarian trade minister say?"); "spelling":
 * a speaker's name spelt another way ("Kowalsky", "kowalski"); "typo": a name or topic
 * word with a slip of the keyboard ("Kowlaski", "tarifs").
 */
export type QuestionKind = "speaker" | "role" | "spelling" | "typo" | "topic" | "unanswerable";

export const QUESTION_KINDS: readonly QuestionKind[] = [
  "speaker",
  "role",
  "spelling",
  "typo",
  "topic",
  "unanswerable",
];

export interface BenchQuestion {
  text: string;
  kind: QuestionKind;
}

/** A speaker questions may name; `topics` are words their quotes are about. */
export interface QuestionSpeaker {
  name: string;
  surname?: string;
  topics?: readonly string[];
  /** A title or role as the articles write it ("Trade Minister"), for role questions. */
  role?: string;
}

export interface GenerateQuestionsOptions {
  articles: readonly Article[];
  speakers: readonly QuestionSpeaker[];
  count: number;
  seed?: number;
  /** Country adjectives the articles use ("Valarian"), to qualify role questions. */
  places?: readonly string[];
  /** Shares of each kind (need not sum to 1); default DEFAULT_MIX. */
  mix?: Record<QuestionKind, number>;
}

/** Every kind a person asks, named speakers and topics most often. */
export const DEFAULT_MIX: Readonly<Record<QuestionKind, number>> = {
  speaker: 0.3,
  role: 0.15,
  spelling: 0.08,
  typo: 0.07,
  topic: 0.3,
  unanswerable: 0.1,
};

/**
 * Words that never occur in the synthetic corpus nor, by checking, in the shipped one:
 * questions built from them must come back not_found.
 */
// biome-ignore format: a word list reads best packed
export const ABSENT_WORDS: readonly string[] = [
  "giraffe", "saxophone", "origami", "trampoline", "kaleidoscope", "marzipan", "platypus", "xylophone", "accordion", "snorkel", "yodelling", "hammock", "walrus", "quokka", "flamingo", "meringue", "croissant", "ukulele", "igloo", "lollipop", "pineapple", "tambourine", "unicorn", "zeppelin", "bagpipes", "crossword", "dandelion", "hedgehog", "jellyfish", "ladybird", "narwhal", "pelican", "raccoon", "scarecrow", "toboggan", "waffle", "armadillo", "chameleon", "dumpling", "gingerbread",
];

/** Syllables no synthetic name uses (the corpus's own are in names.ts), for invented people. */
const ABSENT_ONSETS = [
  "Quix",
  "Zyl",
  "Xan",
  "Vrob",
  "Jubb",
  "Plim",
  "Fizz",
  "Glob",
  "Yxo",
  "Krump",
];
const ABSENT_ENDINGS = ["wobble", "thrax", "quist", "bottle", "zinger", "fump", "gloop", "snitch"];

const STOP_WORDS = new Set(
  "about after again against also among another because been before being between both cannot could does doing down during each either even every from further have having here into itself just like made make many more most much must never only other over said same says should since some still such than that their them then there these they this those through under until upon very were what when where which while whom will with within without would your years".split(
    " ",
  ),
);

/**
 * Questions over a corpus, a fixed mix of kinds: speaker questions ("What did Anna
 * Kowalski say?", "What did Kowalski say about tariffs?"), role questions ("What did the
 * Valarian trade minister say about tariffs?"), names spelt otherwise or mistyped, topic
 * questions (2-4 content words of one paragraph) and unanswerable ones (people and
 * words the corpus lacks). A kind the speakers cannot supply (no roles) is asked as a
 * topic question instead.
 */
export function generateQuestions(options: GenerateQuestionsOptions): BenchQuestion[] {
  const prng = createPrng(options.seed ?? 7);
  const mix = options.mix ?? DEFAULT_MIX;
  const total = QUESTION_KINDS.reduce((sum, k) => sum + mix[k], 0);
  const titled = options.speakers.filter((s) => s.role && isTitle(s.role));
  const places = options.places ?? [];
  const questions: BenchQuestion[] = [];
  for (let i = 0; i < options.count; i++) {
    let roll = prng.next() * total;
    let kind: QuestionKind = "unanswerable";
    for (const k of QUESTION_KINDS) {
      if (roll < mix[k]) {
        kind = k;
        break;
      }
      roll -= mix[k];
    }
    if (kind !== "topic" && kind !== "unanswerable" && options.speakers.length === 0)
      kind = "topic";
    if (kind === "role" && titled.length === 0) kind = "topic";
    const text =
      kind === "speaker"
        ? speakerQuestion(prng, options.speakers)
        : kind === "role"
          ? roleQuestion(prng, titled, places)
          : kind === "spelling"
            ? spellingQuestion(prng, options.speakers)
            : kind === "typo"
              ? typoQuestion(prng, options.speakers)
              : kind === "topic"
                ? topicQuestion(prng, options.articles)
                : unanswerableQuestion(prng);
    questions.push({ text, kind });
  }
  return questions;
}

/** An office that stands before a name ("Trade Minister"), not an apposition ("an economist at …"). */
function isTitle(role: string): boolean {
  return /^\p{Lu}/u.test(role) && role.split(/\s+/).length <= 4;
}

function roleQuestion(
  prng: Prng,
  titled: readonly QuestionSpeaker[],
  places: readonly string[],
): string {
  const speaker = prng.zipf(titled, 0.7);
  const role = (speaker.role ?? "").toLowerCase();
  const place = places.length > 0 && prng.chance(0.7) ? `${prng.zipf(places, 0.8)} ` : "";
  const topics = speaker.topics ?? [];
  const about = topics.length > 0 && prng.chance(0.6) ? ` about ${prng.pick(topics)}` : "";
  return prng.chance(0.5)
    ? `What did the ${place}${role} say${about}?`
    : `What has the ${place}${role} said${about}?`;
}

/** Other ways the same surname is written: transliterations, and all in lower case. */
const SPELLINGS: readonly [RegExp, string][] = [
  [/ski$/, "sky"],
  [/sky$/, "ski"],
  [/ov$/, "off"],
  [/ev$/, "eff"],
  [/enko$/, "enco"],
  [/yk$/, "ik"],
  [/ch/, "tch"],
  [/sh/, "sch"],
  [/w/, "v"],
  [/ou/, "u"],
  [/ff/, "f"],
  [/ie/, "y"],
];

/** The surname spelt another way: the first rule that changes it, else in lower case. */
export function otherSpelling(surname: string): string {
  for (const [pattern, replacement] of SPELLINGS) {
    if (pattern.test(surname)) return surname.replace(pattern, replacement);
  }
  return surname.toLowerCase();
}

/** One slip: two inner letters swapped, or one inner letter dropped or doubled. */
export function mistype(prng: Prng, word: string): string {
  if (word.length < 5) return word;
  const at = 1 + prng.int(word.length - 3);
  switch (prng.int(3)) {
    case 0:
      return `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
    case 1:
      return `${word.slice(0, at)}${word.slice(at + 1)}`;
    default:
      return `${word.slice(0, at + 1)}${word[at]}${word.slice(at + 1)}`;
  }
}

function spellingQuestion(prng: Prng, speakers: readonly QuestionSpeaker[]): string {
  const speaker = prng.zipf(speakers, 0.7);
  const surname = speaker.surname ?? speaker.name.split(" ").at(-1) ?? speaker.name;
  const other = otherSpelling(surname);
  const topics = speaker.topics ?? [];
  return topics.length > 0 && prng.chance(0.5)
    ? `What did ${other} say about ${prng.pick(topics)}?`
    : `What did ${speaker.name.replace(surname, other)} say?`;
}

function typoQuestion(prng: Prng, speakers: readonly QuestionSpeaker[]): string {
  const speaker = prng.zipf(speakers, 0.7);
  const surname = speaker.surname ?? speaker.name.split(" ").at(-1) ?? speaker.name;
  const topics = (speaker.topics ?? []).filter((t) => t.length >= 6);
  if (topics.length > 0 && prng.chance(0.5)) {
    return `What did ${surname} say about ${mistype(prng, prng.pick(topics))}?`;
  }
  return `What did ${mistype(prng, surname)} say?`;
}

function speakerQuestion(prng: Prng, speakers: readonly QuestionSpeaker[]): string {
  const speaker = prng.zipf(speakers, 0.7);
  const surname = speaker.surname ?? speaker.name.split(" ").at(-1) ?? speaker.name;
  const topics = speaker.topics ?? [];
  if (topics.length > 0 && prng.chance(0.5)) {
    const topic = prng.pick(topics);
    return prng.chance(0.5)
      ? `What did ${surname} say about ${topic}?`
      : `What did ${speaker.name} say about the ${topic}?`;
  }
  return prng.pick([
    `What did ${speaker.name} say?`,
    `What did ${surname} say?`,
    `what has ${speaker.name} said`,
    `Quotes from ${speaker.name}`,
  ]);
}

/**
 * Content words of a paragraph, in order, without repeats. A capitalised word at the
 * start of a sentence is left out: people ask about names, not about "Critics".
 */
export function contentWords(paragraph: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const match of paragraph.matchAll(/[A-Za-z][A-Za-z-]{3,}/g)) {
    const word = match[0];
    const key = word.toLowerCase();
    const before = paragraph.slice(Math.max(0, match.index - 3), match.index);
    const sentenceStart = match.index === 0 || /[.!?:]["\u201C\u201D]?\s*["\u201C]?$/.test(before);
    if (STOP_WORDS.has(key) || seen.has(key) || (word !== key && sentenceStart)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}

function topicQuestion(prng: Prng, articles: readonly Article[]): string {
  for (;;) {
    const article = prng.pick(articles);
    const words = contentWords(prng.pick(article.paragraphs));
    if (words.length < 2) continue;
    const k = Math.min(words.length, prng.between(2, 4));
    const start = prng.int(words.length - k + 1);
    // Adjacent-ish words read like a real query; a random pick reads like keyword search.
    const picked = prng.chance(0.5)
      ? words.slice(start, start + k)
      : prng.sample(words, k).sort((a, b) => words.indexOf(a) - words.indexOf(b));
    const phrase = picked.join(" ");
    switch (prng.int(4)) {
      case 0:
        return phrase;
      case 1:
        return `What was said about ${phrase}?`;
      case 2:
        return `${phrase}?`;
      default:
        return `Tell me about ${phrase}`;
    }
  }
}

function unanswerableQuestion(prng: Prng): string {
  const name = `${prng.pick(ABSENT_ONSETS)}${prng.pick(["a", "o", "e"])}n ${prng.pick(ABSENT_ONSETS)}${prng.pick(ABSENT_ENDINGS)}`;
  const surname = name.split(" ")[1] ?? name;
  const [a, b] = prng.sample(ABSENT_WORDS, 2) as [string, string];
  switch (prng.int(4)) {
    case 0:
      return `What did ${name} say?`;
    case 1:
      return `What did ${surname} say about ${a}?`;
    case 2:
      return `${a} ${b}`;
    default:
      return `What is the latest on the ${a} ${b}?`;
  }
}
