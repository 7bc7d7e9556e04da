/**
 * Nesting deeper than this is refused before a DOM is built. Real news pages nest 20 to
 * 60 elements deep, the heaviest app-built ones about 150. Readability's cost grows faster
 * than the square of the depth: 500 nested `<div>`s take it about 1.4 s, 1,000 about 7 s,
 * 2,000 over a minute, and 8,000 overflow the stack.
 */
export const MAX_PAGE_DEPTH = 500;
/** More elements than this is refused too: a large news page has 3,000 to 10,000. */
export const MAX_PAGE_ELEMENTS = 100_000;

export interface HtmlSize {
  /** The deepest nesting of elements, as the HTML parser would build it. */
  depth: number;
  elements: number;
}

/** Elements that never have children. */
const VOID = new Set(
  "area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr".split(
    " ",
  ),
);
/** Opening one of these closes an open `<p>` first (htmlparser2's rule, as linkedom builds it). */
const CLOSES_P = new Set(
  "address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul".split(
    " ",
  ),
);
/** Other opening tags that close open siblings of theirs: an unclosed `<li>` list stays flat. */
const CLOSES: Record<string, readonly string[]> = {
  li: ["li"],
  option: ["option"],
  dd: ["dd", "dt"],
  dt: ["dd", "dt"],
  tr: ["tr", "th", "td"],
  td: ["th", "td"],
  th: ["th"],
};
/** Their content is text, not markup, up to their closing tag. */
const RAW_TEXT = new Set(["script", "style"]);
const TAG_NAME = /[a-zA-Z][^\s/>]*/y;

/**
 * How deep and how many elements the DOM built from `html` would be, counted on the text
 * in one pass without building it, stopping as soon as `limit` is passed. It follows the
 * parser's rules for void elements, comments, raw-text elements and the implied closes of
 * `<p>`, `<li>` and table cells closely enough that a normal page is measured as built;
 * where it differs it counts deeper, never shallower, so a page cannot hide depth from it.
 */
export function measureHtml(html: string, limit?: HtmlSize): HtmlSize {
  const stack: string[] = [];
  let depth = 0;
  let elements = 0;
  let foreign = 0;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    const next = html[lt + 1] ?? "";
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (next === "!" || next === "?") {
      i = skipPast(html, ">", lt + 2);
      continue;
    }
    if (next === "/") {
      TAG_NAME.lastIndex = lt + 2;
      const name = TAG_NAME.exec(html)?.[0].toLowerCase();
      if (name) {
        const at = stack.lastIndexOf(name);
        if (at >= 0) {
          for (let k = at; k < stack.length; k++) if (isForeign(stack[k])) foreign--;
          stack.length = at;
        } else if (name === "p" || name === "br") {
          // A stray </p> or </br> makes an empty element of its own.
          elements++;
          depth = Math.max(depth, stack.length + 1);
        }
      }
      i = skipPast(html, ">", lt + 2);
      continue;
    }
    TAG_NAME.lastIndex = lt + 1;
    const match = TAG_NAME.exec(html);
    if (!match) {
      i = lt + 1;
      continue;
    }
    const name = match[0].toLowerCase();
    const { end, selfClosing } = endOfTag(html, lt + 1 + match[0].length);
    i = end;
    elements++;
    const closed = CLOSES_P.has(name) ? ["p"] : CLOSES[name];
    while (closed && stack.length > 0 && closed.includes(stack[stack.length - 1] ?? "")) {
      stack.pop();
    }
    if (VOID.has(name) || (selfClosing && foreign > 0)) {
      depth = Math.max(depth, stack.length + 1);
    } else {
      stack.push(name);
      if (isForeign(name)) foreign++;
      depth = Math.max(depth, stack.length);
      if (RAW_TEXT.has(name)) {
        const close = new RegExp(`</${name}`, "gi");
        close.lastIndex = i;
        i = close.exec(html) ? close.lastIndex - name.length - 2 : n;
      }
    }
    if (limit && (depth > limit.depth || elements > limit.elements)) break;
  }
  return { depth, elements };
}

function isForeign(name: string | undefined): boolean {
  return name === "svg" || name === "math";
}

function skipPast(html: string, char: string, from: number): number {
  const at = html.indexOf(char, from);
  return at < 0 ? html.length : at + 1;
}

/** The index after a start tag's `>`; a `>` inside a quoted attribute value does not end it. */
function endOfTag(html: string, from: number): { end: number; selfClosing: boolean } {
  let k = from;
  while (k < html.length) {
    const c = html[k];
    if (c === ">") return { end: k + 1, selfClosing: html[k - 1] === "/" };
    if (c === "=") {
      k++;
      while (k < html.length && /\s/.test(html[k] ?? "")) k++;
      const quote = html[k];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, k + 1);
        k = close < 0 ? html.length : close + 1;
        continue;
      }
      continue;
    }
    k++;
  }
  return { end: html.length, selfClosing: false };
}
