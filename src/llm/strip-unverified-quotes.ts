/**
 * Quoted stretches of a model's own text. Single quotes count only when they stand apart
 * from letters, so apostrophes ("Ukraine's", "allies'") are not taken for quotation marks.
 */
const QUOTED = [
  /“([^“”\n]*)”/g,
  /„([^„“”\n]*)[“”]/g,
  /"([^"\n]*)"/g,
  /«([^«»\n]*)»/g,
  /‘([^‘\n]*?)’(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])'([^'\n]*?)'(?![\p{L}\p{N}])/gu,
];
/** A double quotation mark left over once every pair is accounted for. */
const STRAY_MARK = /["“”„«»]/g;
const SENTENCE_END = /[.!?…]/;

export interface StrippedText {
  text: string;
  /** The quoted stretches that did not verify, for the log. */
  unverified: string[];
}

/**
 * Removes from a model's answer every sentence that puts quotation marks around words
 * `isVerified` does not confirm: the model may paraphrase, but what it presents as a quote
 * must be the corpus's words. Stray quotation marks are dropped.
 */
export function stripUnverifiedQuotes(
  answer: string,
  isVerified: (quoted: string) => boolean,
): StrippedText {
  const cuts: Array<[number, number]> = [];
  const paired: Array<[number, number]> = [];
  const unverified: string[] = [];
  for (const pattern of QUOTED) {
    for (const match of answer.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (paired.some(([s, e]) => start < e && end > s)) continue;
      paired.push([start, end]);
      const inner = (match[1] ?? "").trim();
      if (inner.length > 0 && isVerified(inner)) continue;
      unverified.push(inner);
      cuts.push(sentenceAround(answer, start, end));
    }
  }
  for (const mark of answer.matchAll(STRAY_MARK)) {
    const at = mark.index;
    if (!paired.some(([s, e]) => at >= s && at < e)) cuts.push([at, at + 1]);
  }
  let text = "";
  let at = 0;
  for (const [start, end] of merge(cuts)) {
    text += answer.slice(at, start);
    at = end;
  }
  text += answer.slice(at);
  return { text: text.replace(/[ \t]{2,}/g, " ").trim(), unverified };
}

/** The sentence of `text` that holds [start, end): from after the previous sentence end. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !(SENTENCE_END.test(text[from - 1] ?? "") && /\s/.test(text[from] ?? ""))) {
    from--;
  }
  while (from < start && /\s/.test(text[from] ?? "")) from++;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to - 1] ?? "")) to++;
  while (to < text.length && /\s/.test(text[to] ?? "")) to++;
  return [from, to];
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([...range]);
  }
  return out;
}
