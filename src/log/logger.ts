import { writeSync } from "node:fs";
import { isatty } from "node:tty";
import pino from "pino";
import { formatLogLine } from "./format-log-line.ts";

/** The slice of pino the code uses, so tests can pass a silent or recording logger. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `auto`: readable lines when the destination is a terminal, JSON lines otherwise. */
export const LOG_FORMATS = ["auto", "json", "pretty"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * Paths whose values never reach a log line. Tokens also live inside URLs the platform
 * libraries build (Telegram puts the token in the path), so `url` fields are redacted too.
 */
const REDACT = [
  "token",
  "*.token",
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "botToken",
  "*.botToken",
];

/**
 * Logs to stderr, so stdout stays clean for answers and `--json`: JSON lines for files,
 * pipes and services; on a terminal (`auto`) or with `pretty`, one readable line each.
 */
export function createLogger(
  level: LogLevel = "info",
  destination = 2,
  format: LogFormat = "auto",
): Logger {
  const pretty = format === "pretty" || (format === "auto" && isatty(destination));
  return pino(
    { level, redact: { paths: REDACT, censor: "[redacted]" }, base: undefined },
    pretty
      ? { write: (line: string) => writeSync(destination, `${formatLogLine(line)}\n`) }
      : pino.destination({ fd: destination, sync: true }),
  );
}

/** A logger that drops everything: for tests and pure code paths. */
export const SILENT_LOGGER: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return SILENT_LOGGER;
  },
};
