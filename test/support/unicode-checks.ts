/** A UTF-16 surrogate without its other half (String#isWellFormed is ES2024, past this lib). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Bidi controls and C0/C1 controls other than newline and tab: what no output may carry. */
// biome-ignore lint/complexity/useRegexLiterals: a literal would need literal control characters
const UNSAFE = new RegExp(
  "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]",
);

export function unsafeCharacter(text: string): string | null {
  const found = UNSAFE.exec(text);
  return found ? `U+${found[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}` : null;
}
