import { parse as parseYaml } from "yaml";

export type FrontMatter =
  /** The file does not start with a `---` line. */
  | { kind: "none"; body: string }
  | { kind: "ok"; data: Record<string, unknown>; body: string }
  | { kind: "bad"; problem: string };

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*\r?$/m;

/**
 * The YAML block between a file's first two `---` lines, and the text after it. A block
 * that is opened and never closed, or that is not YAML, is a problem said for a person,
 * with the file's line number.
 */
export function readFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { kind: "none", body: text.replace(/^\uFEFF/, "") };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return {
      kind: "bad",
      problem: "front matter is never closed: add a line --- after its last field",
    };
  }
  const yaml = rest.slice(0, closing.index);
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    return {
      kind: "bad",
      problem: `front matter is not valid YAML (${describeYamlError(error, yaml)})`,
    };
  }
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    return { kind: "bad", problem: "front matter must be fields, one per line: key: value" };
  }
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\n/, "");
  return { kind: "ok", data: (data ?? {}) as Record<string, unknown>, body: afterClosing };
}

/** "line 6: missing closing quote": the line in the file (the `---` is line 1). */
function describeYamlError(error: unknown, yaml: string): string {
  const e = error as { code?: string; message?: string; linePos?: Array<{ line: number }> };
  // The parser notices a quote left open where the text ends; the person needs the line
  // where it was opened.
  const opened = e.code === "MISSING_CHAR" ? yaml.split("\n").findIndex(opensQuoteUnclosed) + 1 : 0;
  const line = opened > 0 ? opened : e.linePos?.[0]?.line;
  const where = line === undefined ? "" : `line ${line + 1}: `;
  const first = (e.message ?? String(error))
    .split("\n")[0]!
    .replace(/ at line \d+, column \d+:?$/, "");
  let what: string;
  if (e.code === "MISSING_CHAR" && /quote/.test(first)) what = "missing closing quote";
  else if (e.code === "BLOCK_AS_IMPLICIT_KEY") {
    what = 'a value holding ": " must be in quotes';
  } else if (e.code === "DUPLICATE_KEY") what = "a field is given twice";
  else what = `${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  return `${where}${what}`;
}

/** `title: "Talks stall` — a value that opens a quote and does not close it on its line. */
function opensQuoteUnclosed(line: string): boolean {
  const value = /^\s*[^:#]+:\s*(["'])(.*)$/.exec(line);
  if (!value) return false;
  const [, quote, rest] = value;
  const closes =
    quote === '"'
      ? /(^|[^\\])(\\\\)*"/.test(rest ?? "")
      : (rest ?? "").replace(/''/g, "").includes("'");
  return !closes;
}
