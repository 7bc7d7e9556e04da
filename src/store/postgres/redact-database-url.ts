/** The URL with its password replaced by `***`, for messages and logs. */
export function redactDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password !== "") url.password = "***";
    return url.toString();
  } catch {
    // Not a URL at all: nothing of it is shown, it may be a secret pasted in the wrong place.
    return "(a value that is not a URL)";
  }
}

/** `text` with the URL's password taken out wherever it appears (a driver's message). */
export function withoutPassword(text: string, databaseUrl: string): string {
  let password = "";
  try {
    password = decodeURIComponent(new URL(databaseUrl).password);
  } catch {
    return text;
  }
  return password === "" ? text : text.split(password).join("***");
}
