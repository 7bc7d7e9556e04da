/**
 * The questions in one chat message. People pack several into one line ("ok two things,
 * who ran the talks and did anybody actually sign anything??"): a part ends at a sentence
 * end or a semicolon, and a new one starts at "and"/"also"/"or"/a comma or a dash before a
 * question word. A part with no letters is dropped. A message with one question gives
 * itself back.
 */
const QUESTION_WORD =
  "(?:what|what's|whats|who|who's|whos|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)";
// A full stop ends a part only after a lower-case word: "Did the U.S. sign?" is one.
const SENTENCE_END = /(?<=[?!;]|\p{Ll}{3}\.)\s+|(?<=[?!])(?=[^\s?!])/u;
const JOINER = new RegExp(
  `\\s*(?:,\\s*|\\s+[—–-]\\s+)?\\b(?:and|also|and also|or|plus|but)\\s+(?=${QUESTION_WORD}\\b)|,\\s+(?=${QUESTION_WORD}\\b)|\\s+[—–]\\s+(?=${QUESTION_WORD}\\b)`,
  "giu",
);

export function splitQuestion(message: string): string[] {
  const parts: string[] = [];
  for (const sentence of message.split(SENTENCE_END)) {
    for (const part of sentence.split(JOINER)) {
      const clean = part.trim();
      if (/\p{L}/u.test(clean)) parts.push(clean);
    }
  }
  return parts.length > 0 ? parts : [message];
}

const ASKS = new RegExp(
  `^\\W*(?:${QUESTION_WORD}|tell|explain|show|give|list|quotes?|any|and)\\b|\\?\\s*$`,
  "iu",
);
const POINTS_BACK = /\b(it|its|they|them|their|there|that|this|he|she|him|her)\b/i;
const PROPER_NAME = /(?<=[\p{L}\p{N},;:]\s+)\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu;

/**
 * The parts of a message to answer: the ones that ask something (a question word, a
 * request, a question mark), each with the names the message gave before it appended
 * when it points back with a pronoun ("I follow the Marlow story. When did they take it
 * back?" asks about Marlow). Statements around the questions only lend their names. A
 * message in which no part asks is answered whole.
 */
export function askedParts(parts: readonly string[]): string[] {
  const asked: string[] = [];
  const names: string[] = [];
  for (const part of parts) {
    if (ASKS.test(part)) {
      const carried = POINTS_BACK.test(part) ? names.filter((n) => !part.includes(n)) : [];
      asked.push(carried.length > 0 ? `${part} (${carried.join(", ")})` : part);
    }
    for (const m of part.matchAll(PROPER_NAME)) if (!names.includes(m[0])) names.push(m[0]);
  }
  return asked.length > 0 ? asked : [...parts];
}
