import { describe, expect, it } from "vitest";
import {
  redactDatabaseUrl,
  withoutPassword,
} from "../../src/store/postgres/redact-database-url.ts";

describe("the database URL in messages", () => {
  it("shows the server and the user, never the password", () => {
    expect(redactDatabaseUrl("postgres://bot:p%40ss@db.internal:5433/news?sslmode=require")).toBe(
      "postgres://bot:***@db.internal:5433/news?sslmode=require",
    );
    expect(redactDatabaseUrl("postgres://db/news")).toBe("postgres://db/news");
    for (const pasted of ["bot:hunter2 pasted in the wrong place", "not a url at all"]) {
      expect(redactDatabaseUrl(pasted)).toBe("(a value that is not a postgres:// URL)");
    }
  });

  it("takes the password out of a driver's message, encoded or not", () => {
    const url = "postgres://bot:p%40ss@db/news";
    expect(withoutPassword("auth failed for p@ss and p%40ss", url)).toBe(
      "auth failed for *** and ***",
    );
    expect(withoutPassword("nothing secret", "postgres://db/news")).toBe("nothing secret");
  });
});
