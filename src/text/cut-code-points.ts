/**
 * The first `max` code points of `text`, or `text` itself when it has no more: a cut
 * that never splits a surrogate pair (an emoji cut in half is a lone surrogate, which
 * Telegram and Discord refuse as invalid UTF-8). Stops reading once it has enough.
 */
export function cutCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  let count = 0;
  while (end < text.length && count < max) {
    const code = text.charCodeAt(end);
    const pair = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    end += pair ? 2 : 1;
    count += 1;
  }
  return text.slice(0, end);
}
