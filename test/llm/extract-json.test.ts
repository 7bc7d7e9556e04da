import { describe, expect, it } from "vitest";
import { extractJsonObject } from "../../src/llm/extract-json.ts";

describe("extractJsonObject", () => {
  it("reads a bare object, a fenced one and one inside prose", () => {
    expect(extractJsonObject('{"a": 1}')).toEqual({ a: 1 });
    expect(extractJsonObject('```json\n{"a": "}"}\n```')).toEqual({ a: "}" });
    expect(extractJsonObject('Sure: {"a": {"b": "x \\" {"}} done {')).toEqual({
      a: { b: 'x " {' },
    });
  });

  it("skips a reasoning block and objects that are not JSON", () => {
    expect(extractJsonObject('<think>maybe {"a": 0}</think> {oops} {"a": 2}')).toEqual({ a: 2 });
  });

  it("finds nothing in cut or absent JSON", () => {
    expect(extractJsonObject('{"answered": true, "answer": "Lav')).toBeUndefined();
    expect(extractJsonObject("no json here")).toBeUndefined();
    expect(extractJsonObject("[1, 2]")).toBeUndefined();
  });
});
