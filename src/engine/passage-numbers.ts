import type { Passage } from "./corpus-snapshot.ts";

/**
 * Passages travel (to the snapshot file, from a worker thread) as rows of one Int32Array:
 * article, paragraph, sentence, start, end, speaker. Their roles and cues go beside it.
 */
export const PASSAGE_FIELDS = 6;

/** Writes passage `p` as row `row` of `numbers`. */
export function putPassage(numbers: Int32Array, row: number, p: Passage): void {
  const at = row * PASSAGE_FIELDS;
  numbers[at] = p.article;
  numbers[at + 1] = p.paragraph;
  numbers[at + 2] = p.sentence;
  numbers[at + 3] = p.start;
  numbers[at + 4] = p.end;
  numbers[at + 5] = p.speaker;
}

/** The passage in row `row` of `numbers`, as passage `id` with its role and cue. */
export function passageAt(
  numbers: Int32Array,
  row: number,
  id: number,
  role: string | null,
  cue: string | null,
): Passage {
  const at = row * PASSAGE_FIELDS;
  return {
    id,
    article: numbers[at]!,
    paragraph: numbers[at + 1]!,
    sentence: numbers[at + 2]!,
    start: numbers[at + 3]!,
    end: numbers[at + 4]!,
    speaker: numbers[at + 5]!,
    role,
    cue,
  };
}
