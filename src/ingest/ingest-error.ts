/** Why one URL, feed or file could not become an article. Expected, so reported, not fatal. */
export type IngestErrorCode =
  | "URL_REFUSED"
  | "FETCH_FAILED"
  | "TIMEOUT"
  | "TOO_LARGE"
  | "TOO_COMPLEX"
  | "TOO_MANY_REDIRECTS"
  | "HTTP_STATUS"
  | "UNSUPPORTED_CONTENT"
  | "NOT_AN_ARTICLE"
  | "NOT_A_FEED"
  | "FILE_UNREADABLE";

/**
 * A failure to ingest one source. Its message is short and safe to show a moderator
 * ("refused: 10.0.0.5 is a private address"); the summary line collects them.
 */
export class IngestError extends Error {
  readonly code: IngestErrorCode;
  /** The HTTP status, for HTTP_STATUS: 404 and 410 mean the page is gone for good. */
  readonly status: number | undefined;

  constructor(
    code: IngestErrorCode,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options);
    this.name = "IngestError";
    this.code = code;
    this.status = options?.status;
  }
}

/** True when the page answered that it no longer exists (not a passing failure). */
export function isGone(error: unknown): boolean {
  return error instanceof IngestError && (error.status === 404 || error.status === 410);
}
