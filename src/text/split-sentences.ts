import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemSentence, type ItemToken } from "wink-nlp";

/** A sentence (or a quote-balanced run of sentences) with offsets into its paragraph. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Loading the model takes ~100 ms: do it once, on first use, not at import.
let nlp: ReturnType<typeof winkNLP> | undefined;
function getNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ["sbd"]);
  return nlp;
}

const OPENING_DOUBLE = /["“”«»]/g;

/** Whether the span leaves a double quotation open: straight quotes count in pairs. */
function quoteOpen(text: string): boolean {
  let straight = 0;
  let curly = 0;
  for (const ch of text.match(OPENING_DOUBLE) ?? []) {
    if (ch === '"') straight++;
    else if (ch === "“" || ch === "«") curly++;
    else curly--;
  }
  return straight % 2 === 1 || curly > 0;
}

/**
 * Splits a paragraph into sentences with character offsets. wink-nlp finds the
 * boundaries (it knows U.S., Sept., Gen.); offsets come from finding each token in the
 * paragraph, so the spans are always the paragraph's own characters. A sentence that
 * opens a quotation is joined with the following ones until the quotation closes:
 * `"We are ready. But only on our terms," Putin said.` is one statement, not two.
 * Offsets exclude the whitespace between sentences.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  if (paragraph.trim() === "") return [];
  const doc = getNlp().readDoc(paragraph);
  const raw: SentenceSpan[] = [];
  let cursor = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    let start = -1;
    let end = -1;
    sentence.tokens().each((token: ItemToken) => {
      const text = token.out();
      const at = paragraph.indexOf(text, cursor);
      if (at < 0) return;
      if (start < 0) start = at;
      end = at + text.length;
      cursor = end;
    });
    if (start >= 0) raw.push({ start, end });
  });
  if (raw.length === 0) return [{ start: 0, end: paragraph.trimEnd().length }];
  // Anything wink left between or after sentences (stray punctuation) joins its neighbour.
  const last = raw[raw.length - 1]!;
  const tail = paragraph.slice(last.end).trimEnd();
  if (tail.length > 0) last.end += tail.length;
  const merged: SentenceSpan[] = [];
  for (const span of raw) {
    const previous = merged[merged.length - 1];
    // A "sentence" that starts in lower case continues the one before: `..." the
    // Russian President questioned.` after a closing `?"`, or `km.` after `1,263 sq.`.
    const continues = /^\p{Ll}/u.test(paragraph.slice(span.start, span.start + 1));
    if (previous && (continues || quoteOpen(paragraph.slice(previous.start, previous.end)))) {
      previous.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}
