import { describe, expect, it } from "vitest";
import { AppError, EngineConfigSchema, parseConfig } from "../../src/index.ts";

function configError(env: Record<string, string>): AppError {
  try {
    parseConfig(EngineConfigSchema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("the configuration was accepted");
}

describe("store configuration", () => {
  it("uses the lowdb files unless DATABASE_URL is set, with a pool of 10 by default", () => {
    const plain = parseConfig(EngineConfigSchema, {});
    expect(plain.DATABASE_URL).toBeUndefined();
    expect(plain.DATABASE_POOL_SIZE).toBe(10);
    expect(
      parseConfig(EngineConfigSchema, {
        DATABASE_URL: "postgresql://bot:pw@db.internal:5433/news",
        DATABASE_POOL_SIZE: "25",
      }),
    ).toMatchObject({
      DATABASE_URL: "postgresql://bot:pw@db.internal:5433/news",
      DATABASE_POOL_SIZE: 25,
    });
  });

  it("names a malformed DATABASE_URL without repeating it, since it may hold a password", () => {
    for (const url of ["mysql://bot:hunter2@db/news", "postgres//bot:hunter2@db/news", "hunter2"]) {
      const error = configError({ DATABASE_URL: url });
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.message).toContain(
        "DATABASE_URL: must be a URL like postgres://user:password@host:5432/database",
      );
      expect(error.message).not.toContain("hunter2");
    }
  });

  it("refuses a pool size outside 2 to 100", () => {
    for (const size of ["1", "101", "ten"]) {
      expect(configError({ DATABASE_POOL_SIZE: size }).message).toContain(
        "DATABASE_POOL_SIZE: must be a whole number from 2 to 100",
      );
    }
  });
});
