import type { SentenceSpan } from "../text/split-sentences.ts";

/** A paragraph that opens with a speaker label: "Smith: ...", "The Herald: ...", "Q: ...". */
const LABEL = /^([\p{Lu}][\p{L}\p{M}.'’-]*(?: [\p{Lu}][\p{L}\p{M}.'’-]*){0,3}):\s/u;
/** A question-and-answer pair inside one paragraph: "Q: ...? A: ...". */
const QUESTION = /^(Q|Question):\s/;
const ANSWER = /(?:^|\s)(A|Answer):\s/;

export interface QaLayout {
  /** Paragraph (1-based) -> who answers in it, and from which offset the answer runs. */
  answers: Map<number, { key: string; from: number }>;
  /** Paragraphs an interviewer speaks in: questions are nobody's statement. */
  questions: Set<number>;
}

/**
 * Interviews laid out as questions and answers. Two layouts: speaker labels ("Sabri: ..."
 * answers, "The Herald: ..." asks), where a label naming a person of the article marks an
 * answer and any other label a question; and "Q: ... A: ..." pairs, where the answers
 * belong to the interviewee, the person the article named last before the first question.
 * An article with one stray label ("Correction: ...") is no interview.
 */
export function findQaLayout(
  paragraphs: readonly string[],
  personKey: (label: string) => string | null,
  lastPersonBefore: (paragraph: number) => string | null,
): QaLayout {
  const answers = new Map<number, { key: string; from: number }>();
  const questions = new Set<number>();
  const labels = paragraphs.map((text) => LABEL.exec(text)?.[1] ?? null);

  // Q: ... A: ... pairs.
  const firstQuestion = paragraphs.findIndex((t) => QUESTION.test(t) && ANSWER.test(t));
  if (firstQuestion >= 0 && paragraphs.filter((t) => QUESTION.test(t)).length >= 2) {
    const interviewee = lastPersonBefore(firstQuestion + 1);
    if (interviewee) {
      paragraphs.forEach((text, p) => {
        const a = QUESTION.test(text) ? ANSWER.exec(text) : null;
        if (a) answers.set(p + 1, { key: interviewee, from: a.index });
      });
    }
    return { answers, questions };
  }

  // Speaker labels: at least one answer by a person and one question by someone else.
  const keys = labels.map((label) =>
    label && !QUESTION.test(`${label}: `) ? personKey(label) : null,
  );
  const answered = keys.filter(Boolean).length;
  const asked = labels.filter((label, p) => label && !keys[p]).length;
  if (answered === 0 || asked === 0) return { answers, questions };
  keys.forEach((key, p) => {
    if (key) answers.set(p + 1, { key, from: 0 });
    else if (labels[p]) questions.add(p + 1);
  });
  return { answers, questions };
}

/** Sentences of a paragraph that end after `from`: the ones an answer covers. */
export function sentencesFrom(spans: readonly SentenceSpan[], from: number): number[] {
  return spans.flatMap((span, s) => (span.end > from ? [s] : []));
}
