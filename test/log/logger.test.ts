import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/index.ts";

describe("createLogger", () => {
  it("writes structured JSON lines and redacts tokens and keys", () => {
    const file = join(mkdtempSync(join(tmpdir(), "log-")), "log.jsonl");
    const fd = openSync(file, "w");
    const logger = createLogger("info", fd);
    logger.info(
      { token: "123:SECRET", client: { apiKey: "sk-KEY" }, headers: { authorization: "Bot X" } },
      "started",
    );
    logger.debug({ token: "hidden-by-level" }, "debug line");
    closeSync(fd);
    const text = readFileSync(file, "utf8");
    const line = JSON.parse(text.trim().split("\n")[0]!);
    expect(line.msg).toBe("started");
    expect(line.level).toBe(30);
    expect(text).not.toContain("SECRET");
    expect(text).not.toContain("Bot X");
    expect(text).not.toContain("sk-KEY");
    expect(text).not.toContain("hidden-by-level");
    expect(line.token).toBe("[redacted]");
  });
});
