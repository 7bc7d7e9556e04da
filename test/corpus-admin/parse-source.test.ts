import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/corpus-admin/parse-source.ts";

const CHAT_ONLY_URLS = /^only http\(s\) URLs can be added from chat/;
const CLI_URLS_OR_FILES = /^only http\(s\) URLs and local files can be added/;

describe("parseSource: what an add's argument names", () => {
  it("takes absolute http(s) URLs from anywhere", () => {
    for (const from of ["cli", "chat"] as const) {
      expect(parseSource(" https://news.example/a?b=1 ", from)).toEqual({
        kind: "url",
        url: "https://news.example/a?b=1",
      });
      expect(parseSource("HTTP://News.Example/feed.xml", from)).toEqual({
        kind: "url",
        url: "http://news.example/feed.xml",
      });
    }
  });

  it("takes a file path from the CLI only, resolved to an absolute path", () => {
    expect(parseSource("corpus/a.md", "cli")).toEqual({
      kind: "file",
      path: resolve("corpus/a.md"),
    });
    expect(parseSource("/tmp/saved page.html", "cli")).toEqual({
      kind: "file",
      path: "/tmp/saved page.html",
    });
    expect(parseSource("./notes:today.md", "cli")).toEqual({
      kind: "file",
      path: resolve("notes:today.md"),
    });
    for (const path of ["corpus/a.md", "/etc/passwd", "../secret.md"]) {
      const parsed = parseSource(path, "chat");
      expect(parsed.kind, path).toBe("invalid");
      if (parsed.kind === "invalid") expect(parsed.reason).toMatch(CHAT_ONLY_URLS);
    }
  });

  // new URL() calls these http: URLs, but the host is ".." or missing and a path-minded
  // reader took the rest for a file: they are neither URLs nor files.
  it.each([
    "http:/../../../etc/passwd",
    "http:../secret.md",
    "https:secret.md",
    "http:///etc/passwd",
    "http:\\\\news.example\\a",
    "http://",
  ])("refuses the half-URL %s from the CLI and from chat", (raw) => {
    for (const from of ["cli", "chat"] as const) {
      const parsed = parseSource(raw, from);
      expect(parsed.kind, `${from} ${raw}`).toBe("invalid");
      if (parsed.kind === "invalid") expect(parsed.reason).toMatch(/not an absolute http\(s\) URL/);
    }
  });

  it.each([
    "file:///etc/passwd",
    "FILE:/etc/passwd",
    "ftp://news.example/a",
    "javascript:alert(1)",
    "data:text/html,<p>hi</p>",
    "notes:today.md",
  ])("refuses the scheme of %s with a message that says what can be added", (raw) => {
    const cli = parseSource(raw, "cli");
    expect(cli.kind).toBe("invalid");
    if (cli.kind === "invalid") {
      expect(cli.reason).toMatch(CLI_URLS_OR_FILES);
      expect(cli.reason).not.toContain("does not exist");
    }
    const chat = parseSource(raw, "chat");
    expect(chat.kind).toBe("invalid");
    if (chat.kind === "invalid") expect(chat.reason).toMatch(CHAT_ONLY_URLS);
  });

  it("refuses empty arguments and several addresses at once", () => {
    for (const from of ["cli", "chat"] as const) {
      expect(parseSource("   ", from)).toMatchObject({ kind: "invalid" });
      const two = parseSource("https://a.example/1 https://b.example/2", from);
      expect(two).toMatchObject({ kind: "invalid" });
      if (two.kind === "invalid") expect(two.reason).toMatch(/one address at a time/);
    }
  });
});
