import { describe, expect, it } from "vitest";
import { problemWithCommand } from "../../src/corpus-admin/run-corpus-command.ts";

describe("what chat may ask the corpus manager to do", () => {
  it("takes one http(s) address, an id, or a refresh", () => {
    expect(problemWithCommand({ action: "add", url: " https://news.example/a?b=1 " })).toBeNull();
    expect(problemWithCommand({ action: "add", url: "http://10.0.0.1/intranet" })).toBeNull();
    expect(problemWithCommand({ action: "remove", id: "feed-3fa2b1c0" })).toBeNull();
    expect(problemWithCommand({ action: "refresh" })).toBeNull();
  });

  it("refuses files, other schemes, several addresses and empty arguments, saying why", () => {
    for (const url of [
      "/etc/passwd",
      "corpus/a.md",
      "file:///etc/passwd",
      "ftp://x.example/a",
      "javascript:alert(1)",
      "data:text/html,x",
    ]) {
      expect(problemWithCommand({ action: "add", url })).toBe(
        `Cannot add "${url}": only http(s) URLs can be added from chat (a web address starting with http:// or https://); local files are added with npm run corpus -- add <file> on the bot's machine.`,
      );
    }
    // new URL() takes these for http: URLs; they are neither URLs nor (from chat) files.
    for (const url of ["http:/../../etc/passwd", "http:secret.md", "https:///etc/passwd"]) {
      expect(problemWithCommand({ action: "add", url })).toMatch(
        /^Cannot add ".*": not an absolute http\(s\) URL/,
      );
    }
    expect(
      problemWithCommand({ action: "add", url: "https://a.example/1 https://b.example/2" }),
    ).toMatch(/: give one address at a time/);
    expect(problemWithCommand({ action: "add", url: "  " })).toMatch(/^Give the address/);
    expect(problemWithCommand({ action: "remove", id: "" })).toMatch(/\/sources lists them/);
  });
});
