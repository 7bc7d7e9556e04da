import { describe, expect, it } from "vitest";
import { buildSpeakerDirectory } from "../../src/engine/speaker-directory.ts";
import type { ArticleSpeaker, Statement } from "../../src/speakers/attribute-speakers.ts";
import { nameKey } from "../../src/speakers/name-key.ts";

// Invented people and outlets: none of them appears in any corpus the engine is tuned on.
type Spec = { name: string; kind?: ArticleSpeaker["kind"]; roles?: string[]; paragraph?: number };

function article(articleId: string, specs: Spec[]) {
  const speakers: ArticleSpeaker[] = specs.map((s) => ({
    key: s.kind === "organization" ? `org:${nameKey(s.name)}` : nameKey(s.name),
    name: s.name,
    kind: s.kind ?? "person",
    roles: s.roles ?? [],
  }));
  const statements: Statement[] = speakers.map((s, i) => ({
    paragraph: specs[i]!.paragraph ?? i + 1,
    sentence: 0,
    speakerKey: s.key,
    role: null,
    cue: "said",
  }));
  return { articleId, speakers, statements };
}

const names = (dir: ReturnType<typeof buildSpeakerDirectory>) =>
  dir.all.filter((e) => e.kind !== "unnamed").map((e) => e.name);

describe("buildSpeakerDirectory: one person, one entry", () => {
  it("merges spellings and transliterations of one name across articles", () => {
    const dir = buildSpeakerDirectory([
      article("a1", [{ name: "Bohdan Kovalchuk", roles: ["Interior Minister"] }]),
      article("a2", [{ name: "Bogdan Kovaltchuk", roles: ["minister"] }]),
      article("a3", [
        { name: "Sven Markov" },
        { name: "Ines Leila Faris", roles: ["spokeswoman"] },
      ]),
      article("a4", [
        { name: "Sven Markoff" },
        { name: "Ines Layla Faris", roles: ["Spokeswoman for the port authority"] },
      ]),
      article("a5", [{ name: "Kovalchuk" }]),
    ]);
    expect(names(dir)).toEqual(["Bohdan Kovalchuk", "Sven Markov", "Ines Leila Faris"]);
    const kovalchuk = dir.get(dir.idOf("a2", nameKey("Bogdan Kovaltchuk")));
    expect(kovalchuk.roles).toEqual(["Interior Minister", "minister"]);
    expect(dir.idOf("a5", "kovalchuk")).toBe(kovalchuk.id);
    expect(dir.byAlias(nameKey("Bogdan Kovaltchuk"))).toEqual([kovalchuk.id]);
  });

  it("keeps different people apart: other given names, a former holder of the office", () => {
    const dir = buildSpeakerDirectory([
      article("a1", [{ name: "Anna Brisk" }, { name: "Teodor Lang", roles: ["President"] }]),
      article("a2", [
        { name: "Oskar Brisk" },
        { name: "Teodor Lange", roles: ["former President"] },
      ]),
    ]);
    expect(names(dir)).toEqual(["Anna Brisk", "Teodor Lang", "Oskar Brisk", "Teodor Lange"]);
    // A surname two people share names neither alone.
    expect(dir.byAlias("brisk")).toHaveLength(2);
  });

  it("moves a title run into the name to the person's roles", () => {
    const dir = buildSpeakerDirectory([
      article("a1", [{ name: "Harbour Commissioner Lene Tvedt" }]),
      article("a2", [{ name: "Lene Tvedt" }]),
    ]);
    expect(names(dir)).toEqual(["Lene Tvedt"]);
    expect(dir.all[0]!.roles).toEqual(["Harbour Commissioner"]);
  });

  it("joins an outlet's or a company's short form when only one long name fits", () => {
    const dir = buildSpeakerDirectory([
      article("a1", [
        { name: "The Morning Lantern", kind: "organization", paragraph: 1 },
        { name: "The Lantern", kind: "organization", paragraph: 4 },
      ]),
      article("a2", [{ name: "Morning Lantern", kind: "organization" }]),
      article("a3", [{ name: "Vellmar Energy" }, { name: "Vellmar" }]),
    ]);
    expect(names(dir)).toEqual(["The Morning Lantern", "Vellmar Energy"]);
  });

  it("keeps a short form quoted before the long name apart: another outlet", () => {
    const dir = buildSpeakerDirectory([
      article("a1", [
        { name: "The Courier", kind: "organization", paragraph: 2 },
        { name: "The Harbour Courier", kind: "organization", paragraph: 9 },
      ]),
    ]);
    expect(names(dir)).toEqual(["The Courier", "The Harbour Courier"]);
  });
});
