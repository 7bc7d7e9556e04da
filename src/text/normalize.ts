/**
 * Normalisation for matching only: what is displayed is always the original text.
 * Folds quote styles, apostrophes, dashes, case, diacritics and whitespace, so that
 * “Putin’s” matches "putin's" and an em dash matches a hyphen.
 */

const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u275D\u275E\uFF02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u275B\u275C\u02BC\u02BB\u0060\u00B4\uFF07]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Zero-width and BOM characters: invisible, so never part of a match. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Folds one character (or surrogate pair); may return "" or several characters. */
function foldChar(ch: string): string {
  if (/\s/.test(ch)) return " ";
  return ch
    .replace(INVISIBLE, "")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, "-")
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase();
}

/**
 * foldChar is pure and text repeats a small alphabet, so each character is folded once:
 * this made folding (on every word of the corpus at start-up and of every question) ~10x faster.
 */
const FOLDED = new Map<string, string>();
const MAX_FOLDED = 100_000;

function foldCached(ch: string): string {
  let folded = FOLDED.get(ch);
  if (folded === undefined) {
    folded = foldChar(ch);
    if (FOLDED.size < MAX_FOLDED) FOLDED.set(ch, folded);
  }
  return folded;
}

/**
 * Text whose characters fold one to one into no whitespace but a space itself: ASCII,
 * Latin letters with accents, curly quotes and dashes, the no-break space. Such text folds
 * character by character and then collapses its spaces, with the same result as the loop
 * below, several times faster (news prose is nearly all of it).
 */
const SIMPLE_TEXT = /^[\t\n\v\f\r\x20-\x7e\u00a0\u00c0-\u024f\u2010-\u2015\u2018-\u201f]*$/;
const SPACES = /\s+/g;

/** Printable ASCII and its whitespace: most news prose, folded by lower-casing alone. */
const ASCII_TEXT = /^[\t\n\v\f\r\x20-\x7e]*$/;
const BACKTICK = /`/g;
/** Whitespace that collapsing would change: a run, or any but the space itself. */
const ASCII_SPACE_RUN = /\s\s|[\t\n\v\f\r]/;
/** What is left to fold once simple text is lower-cased: its non-ASCII characters and the backtick. */
const NOT_ASCII = /[^\x20-\x5f\x61-\x7e]/g;

/** The folded form of `text`, with runs of whitespace collapsed to one space and trimmed. */
export function foldForMatch(text: string): string {
  // Lower-casing first is the same fold (foldChar lower-cases last, and every simple
  // character's lower case folds as the character does) and is done natively, where a
  // callback per capital letter was half the cost of analysing a sentence.
  if (ASCII_TEXT.test(text)) {
    const lower = text.toLowerCase();
    const quoted = lower.includes("`") ? lower.replace(BACKTICK, "'") : lower;
    // Prose has single spaces between words: nothing to collapse, only ends to trim.
    return ASCII_SPACE_RUN.test(quoted) ? quoted.replace(SPACES, " ").trim() : quoted.trim();
  }
  if (SIMPLE_TEXT.test(text))
    return text.toLowerCase().replace(NOT_ASCII, foldCached).replace(SPACES, " ").trim();
  // normalizeWithMap(text).text, without building the offset map.
  let out = "";
  let pendingSpace = false;
  for (const ch of text) {
    const folded = foldCached(ch);
    if (folded === " ") {
      if (out.length > 0) pendingSpace = true;
    } else if (folded.length > 0) {
      if (pendingSpace) {
        out += " ";
        pendingSpace = false;
      }
      out += folded;
    }
  }
  return out;
}

export interface NormalizedText {
  text: string;
  /**
   * `map[i]` is the index in the original of the character that produced `text[i]`;
   * `map[text.length]` is the original's length, so an end offset maps too.
   */
  map: number[];
}

/** Folds `text` and keeps, for every folded character, where it came from. */
export function normalizeWithMap(text: string): NormalizedText {
  let out = "";
  const map: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  for (const ch of text) {
    const folded = foldCached(ch);
    if (folded === " ") {
      if (out.length > 0 && pendingSpace < 0) pendingSpace = i;
    } else if (folded.length > 0) {
      if (pendingSpace >= 0) {
        out += " ";
        map.push(pendingSpace);
        pendingSpace = -1;
      }
      for (const c of folded) {
        out += c;
        map.push(i);
      }
    }
    i += ch.length;
  }
  map.push(text.length);
  return { text: out, map };
}

/**
 * Finds `needle` in `haystack` through the normalisation and returns the original
 * offsets of the match, or null. The span returned is the haystack's own characters.
 */
export function findNormalized(
  haystack: string,
  needle: string,
): { start: number; end: number } | null {
  const wanted = foldForMatch(needle);
  if (wanted.length === 0) return null;
  const { text, map } = normalizeWithMap(haystack);
  const at = text.indexOf(wanted);
  if (at < 0) return null;
  const start = map[at] ?? 0;
  const lastChar = map[at + wanted.length - 1] ?? start;
  // End after the whole original character (a surrogate pair counts twice).
  const end = lastChar + (haystack.codePointAt(lastChar)! > 0xffff ? 2 : 1);
  return { start, end };
}

/** C0 and C1 control characters other than tab and newline (built from a string: no literal control characters in source). */
// biome-ignore lint/complexity/useRegexLiterals: a literal would need literal control characters
const CONTROL = new RegExp("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]", "g");

/**
 * Bidirectional controls: embeddings and overrides (U+202A–202E), isolates (U+2066–2069),
 * the LRM, RLM and Arabic letter marks. Invisible, and able to make echoed text read in
 * another order than it was typed ("Trojan Source"), so never kept.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** A UTF-16 surrogate without its other half: no character, and not valid UTF-8 on the wire. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes control characters (except newline and tab), zero-width and bidirectional
 * controls, and lone surrogates: what cannot be seen or sent, keeping every character that can.
 */
export function stripInvisible(text: string): string {
  return text
    .replace(CONTROL, "")
    .replace(INVISIBLE, "")
    .replace(BIDI, "")
    .replace(LONE_SURROGATE, "");
}
