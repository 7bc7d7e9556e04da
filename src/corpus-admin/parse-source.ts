import { resolve as resolvePath } from "node:path";

/**
 * Where an add comes from. Only the CLI, run by someone already on the bot's machine,
 * may add local files; from chat a path would make the bot read its own disk for
 * whoever moderates.
 */
export type SourceOrigin = "cli" | "chat";

/** What an add's argument names: a web address, a local file, or neither (and why). */
export type ParsedSource =
  | { kind: "url"; url: string }
  | { kind: "file"; path: string }
  | { kind: "invalid"; reason: string };

/** "name:" at the start; two letters or more, so a Windows drive (C:\) is a path. */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;
/** An absolute http(s) URL as people write it: the scheme, "//", then a host. */
const ABSOLUTE_HTTP = /^https?:\/\/[^/\\?#\s]/i;

const CHAT_URLS_ONLY =
  "only http(s) URLs can be added from chat (a web address starting with http:// or https://); local files are added with npm run corpus -- add <file> on the bot's machine";

/**
 * The one place that decides whether an add's argument is a URL or a file. Every
 * argument that starts with a scheme is a URL or nothing: `new URL` accepts
 * `http:/../../etc/passwd` (host ".."), which a check for "http://" then took for a
 * relative path, so chat could read any file. An http(s) argument must be absolute
 * (`http://host…`); a file is a CLI-only source (a path whose first part holds a colon
 * is written `./name:…`).
 */
export function parseSource(raw: string, from: SourceOrigin): ParsedSource {
  const text = raw.trim();
  if (text === "") {
    return {
      kind: "invalid",
      reason:
        from === "chat"
          ? "give the address of a web page or an RSS/Atom feed, for example https://news.example/2024/09/article"
          : "give the URL of a web page or an RSS/Atom feed, or the path of a local file",
    };
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return from === "chat"
      ? { kind: "invalid", reason: CHAT_URLS_ONLY }
      : { kind: "file", path: resolvePath(text) };
  }
  if (scheme !== "http" && scheme !== "https") {
    return {
      kind: "invalid",
      reason:
        from === "chat"
          ? CHAT_URLS_ONLY
          : `only http(s) URLs and local files can be added, not ${scheme}: URLs (${scheme === "file" ? "give the file's path instead" : "a file whose name holds a colon is written ./name"})`,
    };
  }
  if (/\s/.test(text)) {
    return {
      kind: "invalid",
      reason: "give one address at a time, without spaces (encode a space in a URL as %20)",
    };
  }
  let url: URL | null = null;
  try {
    url = ABSOLUTE_HTTP.test(text) ? new URL(text) : null;
  } catch {
    // Reported below with the other malformed addresses.
  }
  if (url === null || url.hostname === "") {
    return {
      kind: "invalid",
      reason:
        "not an absolute http(s) URL: write http:// or https:// and a host name, for example https://news.example/article",
    };
  }
  return { kind: "url", url: url.href };
}
