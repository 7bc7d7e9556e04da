const LEVEL_WORDS: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warning",
  50: "error",
  60: "fatal",
};

/** Fields a person does not need on a terminal: pino's own bookkeeping. */
const HIDDEN = new Set(["level", "time", "msg", "pid", "hostname", "path", "problem", "err"]);

/**
 * One pino JSON line as a person reads it on a terminal:
 * `warning: skipped corpus file corpus/x.md: front matter is not valid YAML (line 6: …)`.
 * `path` and `problem` follow the message, an error's message after them, other fields
 * in brackets. Redaction has already happened: this sees what the JSON line would hold.
 */
export function formatLogLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const word = LEVEL_WORDS[record.level as number] ?? String(record.level);
  let line = `${word}: ${typeof record.msg === "string" ? record.msg : ""}`.trimEnd();
  if (typeof record.path === "string") line += ` ${record.path}`;
  if (record.problem !== undefined) line += `: ${text(record.problem)}`;
  const err = record.err as { message?: unknown } | undefined;
  if (err && typeof err === "object" && err.message !== undefined) line += `: ${text(err.message)}`;
  const rest = Object.entries(record).filter(([key]) => !HIDDEN.has(key));
  if (rest.length > 0) {
    line += ` (${rest.map(([key, value]) => `${key}: ${text(value)}`).join(", ")})`;
  }
  return line;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
