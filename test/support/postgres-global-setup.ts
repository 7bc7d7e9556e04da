import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./start-test-postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test cluster's admin database; each test file makes its own database on it. */
    postgresUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole run (about 2 s to start): the store's tests run
 * against it, each file in a database of its own. Stopped, and its folder removed, at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide("postgresUrl", postgres.url);
  return () => postgres.stop();
}
