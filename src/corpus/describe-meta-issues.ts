import type { z } from "zod";

/**
 * zod's issues over an article's metadata, said for a person: "publisher is missing"
 * rather than "Invalid input: expected string, received undefined". `howToGive` adds how to
 * supply the missing fields (the CLI's options, say); the corpus file format by default.
 */
export function describeMetaIssues(
  issues: readonly z.core.$ZodIssue[],
  meta: Record<string, unknown>,
  howToGive: (keys: string[]) => string = (keys) =>
    `add ${keys.length === 1 ? "it" : "them"} to the front matter`,
): string[] {
  const missing: string[] = [];
  const problems: string[] = [];
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    const value = key === "" ? meta : meta[key];
    if (key !== "" && (value === undefined || value === null || value === "")) {
      if (!missing.includes(key)) missing.push(key);
    } else if (issue.code === "invalid_type" && issue.expected === "string") {
      problems.push(`${key} must be text: put it in quotes`);
    } else {
      const message = issue.message.startsWith("Invalid") ? "is not valid" : issue.message;
      problems.push(
        `${key || "front matter"}${/^(must|is) /.test(message) ? " " : ": "}${message}`,
      );
    }
  }
  if (missing.length > 0) {
    const names =
      missing.length === 1
        ? missing[0]
        : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
    problems.unshift(
      `${names} ${missing.length === 1 ? "is" : "are"} missing: ${howToGive(missing)}`,
    );
  }
  return problems;
}
