import { nameKey } from "../speakers/name-key.ts";
import { analyzeQuestion } from "../text/analyze.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import type { QuestionIntent } from "./understand-question.ts";

/** Words that ask for what someone said, wrote or thinks, rather than for a fact. */
export const SPEECH_FRAME =
  /\b(say|says|said|saying|tell|tells|told|quotes?|quoted|comments?|commented|statements?|remarks?|claim(s|ed)?|announce[ds]?|warn(s|ed)?|react(s|ed)?|respond(s|ed)?|response|think|thinks|thought|position|views?|stance|den(y|ied|ies)|accuse[ds]?|insist(s|ed)?|admit(s|ted)?|describe[ds]?|mean|meant|argue[ds]?|blame[ds]?|promise[ds]?|predict(s|ed)?|confirm(s|ed)?|write|wrote|posts?|posted|explain(s|ed)?|reply|replied|want(s|ed)?|call(s|ed)?)\b/i;

interface QuestionToken {
  key: string;
  at: number;
}

/** The question's words as name keys, with where each starts. */
function nameTokens(question: string): QuestionToken[] {
  return [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)].map((m) => ({
    key: nameKey(m[0]),
    at: m.index,
  }));
}

/** Where the question (its `tokens`) first names one of `aliases` (name keys), or -1. */
function firstMention(tokens: readonly QuestionToken[], aliases: readonly string[]): number {
  let first = -1;
  for (const alias of aliases) {
    const parts = alias.split(" ");
    for (let i = 0; i + parts.length <= tokens.length; i++) {
      if (parts.every((p, k) => tokens[i + k]!.key === p)) {
        if (first < 0 || tokens[i]!.at < first) first = tokens[i]!.at;
        break;
      }
    }
  }
  return first;
}

/** A question for a fact rather than for words: "what's X's salary?", "when is the vote?" */
export const FACT_QUESTION =
  /^\W*(?:what(?:'s|’s|\s+is|\s+was|\s+are|\s+were)|how\s+(?:much|many|old|long|far)|when\s+(?:is|was|will|are|were)|where)\b/i;

const ASKS_WHO = /^\W*who(m|'s)?\b/i;

/**
 * The speakers a question asks to hear from, of those it names or describes (see the
 * comments inside), and the analysed words of the names it uses as topic instead.
 */
export function speakersAsked(
  snapshot: CorpusSnapshot,
  question: string,
  intent: QuestionIntent,
): { speakers: readonly number[]; topical: string[] } {
  // An organisation or a place that speaks somewhere is the topic, not the speaker, of a
  // question that asks for no statement: "how many people left Dunmore?"
  // "Who said …?" asks for the speaker: a name or a role in it is part of what was said.
  let speakers =
    (intent.speakerSource !== "context" && ASKS_WHO.test(question)) ||
    (intent.speakerSource === "name" &&
      !SPEECH_FRAME.test(question) &&
      intent.speakers.every((id) => snapshot.speakers.get(id).kind !== "person"))
      ? []
      : intent.speakers;
  // "What did X say about Y?", "What did X tell Y?": whoever is named after the verb is
  // what was said or whom it was told, not who said it.
  const verb = SPEECH_FRAME.exec(question)?.index ?? -1;
  let topical: string[] = [];
  if (intent.speakerSource === "name" && speakers.length > 0 && verb >= 0) {
    // A name found only by a near spelling has no place here: keep it as asked.
    // Tokenised once: a surname many people share names dozens of speakers.
    const tokens = nameTokens(question);
    const before = speakers.filter((id) => {
      const at = firstMention(tokens, snapshot.speakers.get(id).aliases);
      return at < verb;
    });
    // Someone else is named before the verb ("the anonymous official"), so the names
    // after it are the listener or the subject.
    const someoneElse = before.length === 0 && analyzeQuestion(question.slice(0, verb)).length > 0;
    if ((before.length > 0 || someoneElse) && before.length < speakers.length) {
      topical = speakers
        .filter((id) => !before.includes(id))
        .flatMap((id) => analyzeQuestion(snapshot.speakers.get(id).name));
      speakers = before;
    }
  }
  return { speakers, topical };
}
