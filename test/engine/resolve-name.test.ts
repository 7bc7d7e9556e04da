import { describe, expect, it } from "vitest";
import { buildSnapshot } from "../../src/engine/corpus-snapshot.ts";
import { questionWords, resolveNames } from "../../src/engine/resolve-name.ts";
import { NAME_ARTICLES } from "./name-fixtures.ts";

const snapshot = buildSnapshot(NAME_ARTICLES);
function resolve(question: string) {
  const words = questionWords(question);
  const names = resolveNames(words, snapshot.speakers, snapshot.wordKeys);
  return {
    names: names.found.map((id) => snapshot.speakers.get(id).name),
    words: [...names.nameWords].sort((a, b) => a - b).map((i) => words[i]!.raw),
    suggestion: names.suggestion && snapshot.speakers.get(names.suggestion.id).name,
  };
}

describe("resolveNames", () => {
  it.each([
    ["what did Lidia Ostrowsky say", ["Lidia Ostrowska"], ["Lidia", "Ostrowsky"]],
    ["what did Mr Kovalenko say", ["Bohdan Kovalenko"], ["Mr", "Kovalenko"]],
    [
      "what did deputy governor Halvorsen say",
      ["Marit Halvorsen"],
      ["deputy", "governor", "Halvorsen"],
    ],
    ["Що сказав Коваленко?", ["Bohdan Kovalenko"], ["Коваленко"]],
    ["what did the flood defences say", [], []],
  ])("%s → %j named by %j", (question, names, words) => {
    const r = resolve(question);
    expect(r.names).toEqual(names);
    expect(r.words).toEqual(words);
  });

  it("suggests, but does not pick, a name it is not sure of", () => {
    expect(resolve("what did Halvorsky say")).toEqual({
      names: [],
      words: [],
      suggestion: "Marit Halvorsen",
    });
  });
});
