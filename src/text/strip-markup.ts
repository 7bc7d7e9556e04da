/**
 * Markup people paste or type around a question: HTML tags and entities, and Markdown
 * (emphasis, code ticks, links, headings, blockquotes). Only the words are understood,
 * so "<b>What did Lavrov say?</b>" is asked as "What did Lavrov say?".
 */

/**
 * Element names recognised as tags. A fixed list, so that text which only looks like a
 * tag ("if x<y and z>w") stays as typed.
 */
const HTML_ELEMENTS = new Set(
  (
    "a abbr address article aside b bdi bdo big blockquote body br button caption cite code " +
    "col dd del details dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 " +
    "head header hr html i img input ins kbd label li main mark meta nav ol p pre q s samp " +
    "section small span strike strong sub summary sup table tbody td tfoot th thead time " +
    "title tr tt u ul var wbr"
  ).split(" "),
);
/** Tags inside a word ("Lav<b>rov</b>") vanish; every other tag separates words. */
const INLINE_ELEMENTS = new Set(
  "a abbr b bdi bdo big cite code del dfn em font i ins kbd mark q s samp small span strike strong sub sup time tt u var wbr".split(
    " ",
  ),
);

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** Script and style elements with their content: code, not words. */
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const ATTRIBUTE = String.raw`\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=\x60]+))?`;
const TAG = new RegExp(String.raw`<(\/?)([A-Za-z][A-Za-z0-9]*)((?:${ATTRIBUTE})*)\s*\/?>`, "g");

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
};
const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g;

// Spans below are bounded (300 characters of emphasis, link text or code): a marker that
// never closes then costs a bounded scan, not one to the end of a long line.

/** Markdown code fences (``` or ~~~ lines): the fence goes, its content stays. */
const FENCE = /^\s*(?:`{3,}|~{3,})[^\n]*$/gm;
/** "## Title ##" is "Title"; "#hashtag" (no space) is not a heading. */
const HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/gm;
const BLOCKQUOTE = /^[ \t]{0,3}(?:>[ \t]?)+/gm;
const IMAGE_OR_LINK =
  /!?\[([^\]\n]{0,300})\]\((?:[^()\s]{0,2000}|[^()\s]{0,2000}\([^()\s]{0,200}\)[^()\s]{0,200})(?:\s+"[^"\n]{0,300}")?\)/g;
const INLINE_CODE = /(?<!`)(`{1,3})(?!`)([^\n]{1,300}?)(?<!`)\1(?!`)/g;
/**
 * Emphasis (*, **, ***, _, __, ~~) around text, its markers hugging the words and not
 * inside a word: "5*3*2" and snake_case_name stay as typed.
 */
const EMPHASIS =
  /(^|[^\p{L}\p{N}*_~\\])(\*{1,3}|_{1,3}|~~)(?=\S)(?!\2)([^\n]{0,300}?[^\s\\])\2(?![\p{L}\p{N}*_~])/gu;

function decodeEntity(whole: string, name: string): string {
  if (name.startsWith("#")) {
    const hex = name[1] === "x" || name[1] === "X";
    const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  }
  return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
}

function stripTags(text: string): string {
  return text
    .replace(COMMENT, " ")
    .replace(SCRIPT_OR_STYLE, " ")
    .replace(TAG, (whole, _closing: string, name: string) => {
      const element = name.toLowerCase();
      if (!HTML_ELEMENTS.has(element)) return whole;
      return INLINE_ELEMENTS.has(element) ? "" : " ";
    });
}

function stripMarkdown(text: string): string {
  let out = text
    .replace(FENCE, "")
    .replace(BLOCKQUOTE, "")
    .replace(HEADING, "$1")
    .replace(IMAGE_OR_LINK, "$1")
    .replace(INLINE_CODE, "$2");
  // Nested emphasis ("**_really_**") takes one pass per level.
  for (let pass = 0; pass < 3; pass++) {
    const next = out.replace(EMPHASIS, "$1$3");
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * The words of `text` without HTML tags, comments, script/style content, HTML entities
 * (decoded: "&amp;" is "&") or Markdown markers, each line trimmed and runs of spaces
 * collapsed. Text that only resembles markup stays as typed: "a < b", "5*3", "AT&T",
 * snake_case, apostrophes and quotation marks. Entities are decoded last, so an escaped
 * tag ("&lt;b&gt;") is kept as the characters it stands for.
 */
export function stripMarkup(text: string): string {
  const words = stripMarkdown(stripTags(text)).replace(ENTITY, decodeEntity);
  return words
    .split("\n")
    .map((line) => line.replace(/[ \t\u00A0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
