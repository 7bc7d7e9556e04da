import { PassThrough } from "node:stream";
import type { CliIo } from "../../src/cli/cli-io.ts";

export interface FakeIo extends CliIo {
  out(): string;
  err(): string;
}

/** A CLI's world in memory: arguments and environment in, stdout and stderr collected. */
export function fakeIo(argv: string[], env: Record<string, string | undefined>): FakeIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  stderr.on("data", (chunk) => {
    err += chunk;
  });
  return {
    argv,
    env,
    stdin: new PassThrough(),
    stdout,
    stderr,
    out: () => out,
    err: () => err,
  };
}
