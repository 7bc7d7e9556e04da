/** Codes a person or a script can act on. Each error's message says how to fix it. */
export type AppErrorCode =
  | "CONFIG_INVALID"
  | "CORPUS_EMPTY"
  | "CORPUS_UNREADABLE"
  | "STORE_BUSY"
  | "STORE_CORRUPT"
  | "STORE_UNREACHABLE"
  | "STORE_UNREADABLE"
  | "STORE_UNWRITABLE"
  | "USAGE";

/** The one error class of the engine: a code, a message that says what to do, a cause. */
export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }
}
