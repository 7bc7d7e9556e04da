import type { Logger } from "../../src/index.ts";

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  fields: Record<string, unknown>;
  msg: string;
}

/** A Logger that keeps every entry, so tests can assert on what was logged (and what was not). */
export function createRecordingLogger(
  entries: LogEntry[] = [],
  bindings: Record<string, unknown> = {},
): Logger & { entries: LogEntry[] } {
  const log =
    (level: LogEntry["level"]) =>
    (obj: object | string, msg?: string): void => {
      if (typeof obj === "string") entries.push({ level, fields: { ...bindings }, msg: obj });
      else entries.push({ level, fields: { ...bindings, ...obj }, msg: msg ?? "" });
    };
  return {
    entries,
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (more) => createRecordingLogger(entries, { ...bindings, ...more }),
  };
}
