/** Whether a paragraph leaves a quotation open at its end (the next one continues it). */
export function leavesQuoteOpen(text: string): boolean {
  let straight = 0;
  let curly = 0;
  for (const ch of text) {
    if (ch === '"') straight++;
    else if (ch === "“") curly++;
    else if (ch === "”") curly = Math.max(0, curly - 1);
  }
  return straight % 2 === 1 || curly > 0;
}

/** Whether a paragraph opens with a quotation mark. */
export const opensWithQuote = (text: string) => /^["“]/.test(text.trimStart());

/**
 * A quote that runs over paragraphs: by convention the first paragraph does not close its
 * quotation and the next opens with a quotation mark again. The next paragraph's
 * unattributed sentences belong to whoever spoke last in the first.
 */
export function continuesQuote(previous: string, text: string): boolean {
  return leavesQuoteOpen(previous) && opensWithQuote(text);
}
