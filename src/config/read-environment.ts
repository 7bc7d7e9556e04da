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

type Issue = { path: PropertyKey[]; message: string };

function configError(issues: readonly Issue[]): AppError {
  const lines = issues.map(
    (issue) => `  ${issue.path.map(String).join(".") || "(environment)"}: ${issue.message}`,
  );
  return new AppError(
    "CONFIG_INVALID",
    `Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable and its meaning.`,
  );
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
  throw configError(result.error.issues);
}

/**
 * Parses every part of the configuration (the engine's, each face's) against the same
 * environment and reports all bad variables at once, not one part at a time.
 */
export function parseConfigParts<P extends Record<string, z.ZodType>>(
  parts: P,
  env: Record<string, string | undefined>,
): { [K in keyof P]: z.infer<P[K]> } {
  const clean = withoutEmpty(env);
  const parsed: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const [name, schema] of Object.entries(parts)) {
    const result = schema.safeParse(clean);
    if (result.success) parsed[name] = result.data;
    else issues.push(...result.error.issues);
  }
  if (issues.length > 0) throw configError(issues);
  return parsed as { [K in keyof P]: z.infer<P[K]> };
}
