import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

/** One line of input, without its line end; a line longer than the bound is not kept whole. */
export interface BoundedLine {
  /** The line, or for an over-long line its first `maxLength + 1` characters. */
  text: string;
  /** The line's whole length in characters (UTF-16 units), counted as it streamed by. */
  length: number;
  overLong: boolean;
}

/**
 * The lines of `input`, each held to at most `maxLength + 1` characters, however long it
 * is: readline buffers a whole line, so one 32 MB line took 575 MB of memory. A line
 * ends at "\n" (a "\r" before it is dropped); a last line without one still counts.
 */
export async function* readBoundedLines(
  input: Readable,
  maxLength: number,
): AsyncGenerator<BoundedLine> {
  const decoder = new StringDecoder("utf8");
  const keep = maxLength + 1;
  let kept = "";
  let length = 0;

  const take = (piece: string) => {
    length += piece.length;
    if (kept.length < keep) kept += piece.slice(0, keep - kept.length);
  };
  const finish = (): BoundedLine => {
    // Below `keep` the line is whole, so its "\r" can be seen and dropped.
    if (length <= keep && kept.endsWith("\r")) {
      kept = kept.slice(0, -1);
      length -= 1;
    }
    const line = { text: kept, length, overLong: length > maxLength };
    kept = "";
    length = 0;
    return line;
  };

  for await (const chunk of input) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    let from = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", from)) {
      take(text.slice(from, end));
      yield finish();
      from = end + 1;
    }
    take(text.slice(from));
  }
  take(decoder.end());
  if (length > 0) yield finish();
}
