import pino from "pino";

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

/** Structured logs to stderr, so stdout stays clean for answers and `--json`. */
export function createLogger(level: LogLevel = "info", destination = 2): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: "[redacted]" }, base: undefined },
    pino.destination({ fd: destination, sync: true }),
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
