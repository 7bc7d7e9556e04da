/** A word of a paragraph with its offsets, as attribution rules see it. */
export interface Token {
  /** The word as written ("Putin’s"). */
  text: string;
  /** Without a possessive ending ("Putin"). */
  bare: string;
  start: number;
  end: number;
  possessive: boolean;
  capitalized: boolean;
  /** Inside a quotation: words there are what was said, not who said it. */
  quoted: boolean;
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.-](?=[\p{L}\p{N}]))*\.?/gu;

const ABBREVIATIONS = new Set(
  "Mr. Mrs. Ms. Dr. Gen. Col. Lt. Sgt. Capt. Gov. Sen. Rep. Prof. St. Jr. Sr. Jan. Feb. Mar. Apr. Aug. Sep. Sept. Oct. Nov. Dec.".split(
    " ",
  ),
);

/** For each character of the paragraph, whether it stands inside double quotation marks. */
export function quotationMask(paragraph: string): Uint8Array {
  const mask = new Uint8Array(paragraph.length);
  let depth = 0;
  let straightOpen = false;
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i];
    if (ch === '"') {
      straightOpen = !straightOpen;
      mask[i] = 1;
      continue;
    }
    if (ch === "“" || ch === "«") depth++;
    if (ch === "”" || ch === "»") {
      mask[i] = 1;
      depth = Math.max(0, depth - 1);
      continue;
    }
    mask[i] = straightOpen || depth > 0 ? 1 : 0;
  }
  return mask;
}

/** The words of `paragraph` between `from` and `to`. */
export function tokenize(paragraph: string, from: number, to: number, mask: Uint8Array): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(paragraph); m && m.index < to; m = WORD.exec(paragraph)) {
    let text = m[0];
    // A trailing period belongs to the word only for abbreviations (U.S., Sept.).
    if (text.endsWith(".") && !/\.\p{L}+\.$/u.test(text) && !ABBREVIATIONS.has(text))
      text = text.slice(0, -1);
    const possessive = /['’]s$/.test(text) || /s['’]$/.test(text);
    const bare = text.replace(/['’]s$/, "").replace(/s['’]$/, "s");
    tokens.push({
      text,
      bare,
      start: m.index,
      end: m.index + text.length,
      possessive,
      capitalized: /^\p{Lu}/u.test(text),
      quoted: mask[m.index] === 1,
    });
  }
  return tokens;
}
