import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AppError,
  EngineConfigSchema,
  ProcessConfigSchema,
  parseConfig,
  parseConfigParts,
  readEnvironment,
} from "../../src/index.ts";

describe("configuration", () => {
  it("has sensible defaults", () => {
    expect(parseConfig(EngineConfigSchema, {})).toEqual({
      CORPUS_DIR: "./corpus",
      DATA_DIR: "./data",
      DATABASE_POOL_SIZE: 10,
      LOG_LEVEL: "info",
      LOG_FORMAT: "auto",
      MAX_QUOTES: 3,
      MAX_QUESTION_LENGTH: 1000,
    });
  });

  it("names every bad variable and what it expects, without echoing values", () => {
    const error = (() => {
      try {
        parseConfig(EngineConfigSchema, { LOG_LEVEL: "loud", MAX_QUOTES: "secret-ish-value" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    const message = (error as AppError).message;
    expect(message).toMatch(/LOG_LEVEL: must be one of fatal, error/);
    expect(message).toMatch(/MAX_QUOTES: must be a whole number/);
    expect(message).not.toContain("secret-ish-value");
  });

  it("validates SHUTDOWN_TIMEOUT_SECONDS (1-300, default 10), naming the variable", () => {
    expect(parseConfig(ProcessConfigSchema, {}).SHUTDOWN_TIMEOUT_SECONDS).toBe(10);
    expect(parseConfig(ProcessConfigSchema, { SHUTDOWN_TIMEOUT_SECONDS: "3" })).toMatchObject({
      SHUTDOWN_TIMEOUT_SECONDS: 3,
    });
    for (const bad of ["0", "soon", "2.5", "301"]) {
      expect(() => parseConfig(ProcessConfigSchema, { SHUTDOWN_TIMEOUT_SECONDS: bad })).toThrow(
        /SHUTDOWN_TIMEOUT_SECONDS.*seconds from 1 to 300/,
      );
    }
  });

  it("validates HEALTH_PORT (0-65535, unset by default) and HEALTH_HOST (loopback by default)", () => {
    expect(parseConfig(ProcessConfigSchema, {})).toMatchObject({ HEALTH_HOST: "127.0.0.1" });
    expect(parseConfig(ProcessConfigSchema, {}).HEALTH_PORT).toBeUndefined();
    expect(
      parseConfig(ProcessConfigSchema, { HEALTH_PORT: "8081", HEALTH_HOST: "0.0.0.0" }),
    ).toMatchObject({ HEALTH_PORT: 8081, HEALTH_HOST: "0.0.0.0" });
    for (const bad of ["-1", "65536", "80.5", "http"]) {
      expect(() => parseConfig(ProcessConfigSchema, { HEALTH_PORT: bad })).toThrow(
        /HEALTH_PORT.*port number from 0 to 65535/,
      );
    }
  });

  it("treats empty values as unset", () => {
    expect(parseConfig(EngineConfigSchema, { MAX_QUOTES: "  " }).MAX_QUOTES).toBe(3);
  });

  it("reads an optional .env file; the real environment wins", async () => {
    const dir = await mkdtemp(join(tmpdir(), "env-"));
    const file = join(dir, ".env");
    await writeFile(file, "MAX_QUOTES=5\nLOG_LEVEL=debug\n# comment\n");
    const env = readEnvironment({ LOG_LEVEL: "warn" }, file);
    expect(parseConfig(EngineConfigSchema, env)).toMatchObject({
      MAX_QUOTES: 5,
      LOG_LEVEL: "warn",
    });
    expect(readEnvironment({}, join(dir, "missing.env"))).toEqual({});
  });

  it("validates every part together and names every bad variable at once", () => {
    const parts = {
      engine: EngineConfigSchema,
      face: z.object({ FACE_LIMIT: z.coerce.number().int().positive() }),
    };
    expect(parseConfigParts(parts, { FACE_LIMIT: "4" })).toMatchObject({
      engine: { MAX_QUOTES: 3 },
      face: { FACE_LIMIT: 4 },
    });
    expect(() => parseConfigParts(parts, { MAX_QUOTES: "x", FACE_LIMIT: "-1" })).toThrow(
      /MAX_QUOTES[\s\S]*FACE_LIMIT/,
    );
  });
});
