/**
 * A strict reader of Telegram's HTML parse mode, for tests: what a person sees, the
 * links, and every way the markup could be rejected or misread by Telegram.
 */

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return NAMED_ENTITIES[name] ?? whole;
  });
}

export interface ReadHtml {
  /** The text Telegram shows: tags removed, entities decoded. */
  text: string;
  links: string[];
  /** Why Telegram would reject or misread the markup; [] when it is clean. */
  violations: string[];
}

export function readTelegramHtml(html: string): ReadHtml {
  const violations: string[] = [];
  const links: string[] = [];
  const stack: string[] = [];
  let text = "";
  const tag = /<(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/giy;
  let i = 0;
  while (i < html.length) {
    const char = html[i];
    if (char === "<") {
      tag.lastIndex = i;
      const m = tag.exec(html);
      if (m === null) {
        violations.push(`unescaped "<" at ${i}: ${html.slice(i, i + 30)}`);
        i += 1;
        continue;
      }
      const [whole, closing, rawName = "", attrs = ""] = m;
      const name = rawName.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) violations.push(`tag <${name}> is not allowed by Telegram`);
      if (closing) {
        if (stack.pop() !== name) violations.push(`</${name}> closes nothing open`);
      } else {
        stack.push(name);
        if (name === "a") {
          const href = /\shref="([^"]*)"/.exec(attrs);
          if (href?.[1] === undefined) violations.push("<a> without href");
          else links.push(unescapeHtml(href[1]));
        } else if (name === "blockquote" && attrs.trim() !== "" && attrs.trim() !== "expandable") {
          violations.push(`<blockquote${attrs}> has attributes Telegram does not know`);
        } else if (
          name !== "span" &&
          name !== "tg-emoji" &&
          name !== "code" &&
          attrs.trim() !== "" &&
          name !== "blockquote"
        ) {
          violations.push(`<${name}${attrs}> has attributes`);
        }
      }
      i += whole.length;
      continue;
    }
    if (char === "&") {
      const entity = /^&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot);/i.exec(html.slice(i, i + 12));
      if (entity === null) violations.push(`unescaped "&" at ${i}: ${html.slice(i, i + 20)}`);
      else {
        text += unescapeHtml(entity[0]);
        i += entity[0].length;
        continue;
      }
    }
    if (char === ">") violations.push(`unescaped ">" at ${i}`);
    text += char;
    i += 1;
  }
  if (stack.length > 0) violations.push(`unclosed tags: ${stack.join(", ")}`);
  return { text, links, violations };
}
