import type { Answer } from "../answer/answer.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";
import { quotedNames } from "./describe-corpus.ts";
import type { QuestionIntent } from "./understand-question.ts";

/** The note an answer to a question in another language carries. */
export const ENGLISH_ARTICLES_NOTE = "The articles are in English, so the quotes are in English.";

/**
 * What the question's reading adds to an answer: "Did you mean …?" for a name close to a
 * speaker's, and for a question in another language a one-line note that the articles are
 * in English (or, when it names no one the articles quote, how to ask in English).
 */
export function explainIntent(
  answer: Answer,
  intent: QuestionIntent,
  snapshot: CorpusSnapshot,
): Answer {
  if (intent.language) {
    if (answer.status === "answered") {
      return {
        ...answer,
        note: ENGLISH_ARTICLES_NOTE,
        text: `${ENGLISH_ARTICLES_NOTE}\n\n${answer.text}`,
      };
    }
    if (answer.problem) return answer;
    const someone = quotedNames(snapshot)[0];
    const example = someone
      ? `What did ${someone} say?`
      : "What did the minister say about the talks?";
    const reason = `I answer questions in English, and the articles are in English. Please ask again in English, for example: "${example}"`;
    return { ...answer, text: reason, reason, quotes: [], moreQuotes: 0 };
  }
  if (intent.suggestion && answer.status === "not_found" && !answer.problem) {
    const { typed, name } = intent.suggestion;
    const reason = `Did you mean ${name}? The articles quote ${name}, but no one called ${typed}. Ask again with that name to see the quotes.`;
    return { ...answer, text: reason, reason };
  }
  return answer;
}
