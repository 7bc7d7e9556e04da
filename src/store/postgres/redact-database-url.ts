/** The URL with its password replaced by `***`, for messages and logs. */
export function redactDatabaseUrl(value: string): string {
  // Anything but a postgres URL is not shown at all: it may be a secret pasted in the
  // wrong place ("user:password" parses as a URL of the scheme "user:").
  const hidden = "(a value that is not a postgres:// URL)";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return hidden;
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") return hidden;
  if (url.password !== "") url.password = "***";
  return url.toString();
}

/** `text` with the URL's password taken out wherever it appears (a driver's message). */
export function withoutPassword(text: string, databaseUrl: string): string {
  let raw = "";
  try {
    raw = new URL(databaseUrl).password;
  } catch {
    return text;
  }
  if (raw === "") return text;
  // As written in the URL (percent-encoded) and as the server saw it (decoded).
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {}
  return text.split(raw).join("***").split(decoded).join("***");
}
