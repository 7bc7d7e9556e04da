import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PROMPTS_DIR, loadPrompts } from "../../src/llm/load-prompts.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOfShipped(): string {
  const dir = mkdtempSync(join(tmpdir(), "prompts-"));
  dirs.push(dir);
  for (const file of [
    "compose-system.md",
    "compose-user.md",
    "rewrite-system.md",
    "rewrite-user.md",
  ]) {
    writeFileSync(join(dir, file), readFileSync(join(DEFAULT_PROMPTS_DIR, file)));
  }
  return dir;
}

describe("loadPrompts", () => {
  it("loads the shipped templates and fills values in as they are", async () => {
    const prompts = loadPrompts();
    const user = await prompts.composeUser.format({
      nonce: "abc",
      question: "What about {{nonce}} & <b>?",
      passages: "[P1] text",
    });
    expect(user).toContain("<question-abc>\nWhat about {{nonce}} & <b>?\n</question-abc>");
    expect(user).toContain("<passages-abc>\n[P1] text\n</passages-abc>");
    expect(await prompts.composeSystem.format({ nonce: "abc" })).toContain("</passages-abc>");
  });

  it("names the file and the placeholder that is wrong", () => {
    const dir = copyOfShipped();
    writeFileSync(join(dir, "compose-user.md"), "{{question}} {{passage}} {{nonce}}");
    expect(() => loadPrompts(dir)).toThrow(
      /compose-user\.md uses \{\{passage\}\}, which is not provided and does not use \{\{passages\}\}/,
    );
  });

  it("names a missing file", () => {
    const dir = copyOfShipped();
    rmSync(join(dir, "rewrite-user.md"));
    expect(() => loadPrompts(dir)).toThrow(/rewrite-user\.md cannot be read \(ENOENT\)/);
  });
});
