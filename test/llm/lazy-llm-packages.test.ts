import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "lazy-llm-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The package of every ES module `npm run ask` loads for one question, with `env`. */
function packagesLoaded(env: Record<string, string>): Set<string> {
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "./test/support/record-loaded-modules.mjs",
      "--import",
      "tsx",
      "src/cli/ask-main.ts",
      "What did Ushakov say?",
    ],
    {
      encoding: "utf8",
      env: { PATH: process.env.PATH, CORPUS_DIR: "corpus", DATA_DIR: dataDir, ...env },
    },
  );
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain("Ushakov");
  const packages = new Set<string>();
  for (const [, name] of run.stderr.matchAll(
    /^loaded-module .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm,
  ))
    packages.add(name!);
  return packages;
}

it("loads the openai and @langchain/core packages only when a model is configured", () => {
  const extractive = packagesLoaded({});
  expect(extractive).toContain("wink-nlp"); // the probe sees packages at all
  expect(extractive).not.toContain("openai");
  expect(extractive).not.toContain("@langchain/core");

  // A model on a closed port: the answer falls back to the extractive one at once.
  const llm = packagesLoaded({
    OPENAI_MODEL: "test-model",
    OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
    OPENAI_MAX_RETRIES: "0",
    OPENAI_REWRITE_QUERIES: "off",
    LOG_LEVEL: "silent",
  });
  expect(llm).toContain("openai");
  expect(llm).toContain("@langchain/core");
}, 60_000);
