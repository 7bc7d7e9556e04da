/**
 * Escaping for text from people and articles shown where Discord renders markdown (message
 * content, embed titles and descriptions). Author names and footers are plain text there
 * and must NOT go through this (a backslash would show).
 *
 * Not discord.js's `escapeMarkdown`: it is context-sensitive (skips URLs, masked links only
 * when whole on one line, headings and lists off by default) and leaves mentions (`<@id>`,
 * `<#id>`, `<t:…>`), `@everyone`, blockquotes (`>`) and subtext (`-#`) alone. A fixed set
 * of backslash escapes is simpler to prove: Discord's parser turns `\` + any punctuation
 * into that character, so what people see is the original text.
 */

/** Inline specials, escaped wherever they stand. `<` starts every mention and timestamp. */
const INLINE = /[\\*_~`|<[\]]/g;
/** Block specials only mean something at the start of a line: quote, heading, list, subtext. */
const LINE_START = /^([ \t]*)([>#\-+])/gm;
const NUMBERED_LIST = /^([ \t]*\d+)\.(?=\s)/gm;
/**
 * `@everyone` / `@here` ping without angle brackets. `allowed_mentions` already stops the
 * ping; the zero-width space also stops the highlight and any future default change.
 */
const MASS_MENTION = /@(everyone|here)/gi;
export const ZERO_WIDTH_SPACE = "\u200b";

export function escapeDiscordMarkdown(text: string): string {
  return text
    .replace(INLINE, "\\$&")
    .replace(LINE_START, "$1\\$2")
    .replace(NUMBERED_LIST, "$1\\.")
    .replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`);
}

/** `(`, `)`, `<`, `>` and spaces would end or break a `[text](url)` link: percent-encode them. */
export function maskedLinkTarget(url: string): string {
  return url.replace(/[()<>\s]/g, (c) =>
    c === "(" ? "%28" : c === ")" ? "%29" : encodeURIComponent(c),
  );
}
