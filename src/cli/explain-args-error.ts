/**
 * node:util parseArgs's error, said for a person: which option or argument, and what is
 * wrong with it. Its own text ends with a hint whose quotes do not close
 * (`…as in '-- "--help"`), which reads as a bug.
 */
export function explainArgsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && quoted !== undefined) {
    return `Unknown option ${quoted}.`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && quoted !== undefined) {
    const option = /--[^\s,]+/.exec(quoted)?.[0] ?? quoted;
    return /argument missing/.test(message)
      ? `Option ${option} needs a value.`
      : `Option ${option} takes no value.`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" && quoted !== undefined) {
    return `Unexpected argument "${quoted}".`;
  }
  return message;
}
