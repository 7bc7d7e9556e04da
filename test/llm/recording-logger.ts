import type { Logger } from "../../src/log/logger.ts";

export interface LogRecord {
  level: "debug" | "info" | "warn" | "error";
  fields: Record<string, unknown>;
  msg: string;
}

/** A Logger that keeps every record, so a test can assert why the model was not used. */
export function recordingLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const log =
      (level: LogRecord["level"]) =>
      (obj: object | string, msg?: string): void => {
        if (typeof obj === "string") records.push({ level, fields: { ...bindings }, msg: obj });
        else records.push({ level, fields: { ...bindings, ...obj }, msg: msg ?? "" });
      };
    return {
      debug: log("debug"),
      info: log("info"),
      warn: log("warn"),
      error: log("error"),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return Object.assign(make({}), { records });
}
