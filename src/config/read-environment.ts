import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import type { z } from "zod";
import { AppError } from "../errors.ts";

/**
 * The process environment over an optional `.env` file: a variable set in the real
 * environment wins, so a deployment can override the file without editing it.
 */
export function readEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  envFile = ".env",
): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, "utf8")) : {};
  return { ...fromFile, ...env };
}

/** Empty strings mean "not set": `FOO=` in a .env file should not fail a min(1) check. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== "") out[key] = value.trim();
  }
  return out;
}

/**
 * Parses the environment with one zod schema and fails with a message that names each bad
 * variable and what it expects. Values are never echoed: some of them are secrets.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(withoutEmpty(env));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    return `  ${name}: ${issue.message}`;
  });
  throw new AppError(
    "CONFIG_INVALID",
    `Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable and its meaning.`,
  );
}
