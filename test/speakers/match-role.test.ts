import { describe, expect, it } from "vitest";
import { roleScore, roleShape, roleTokens } from "../../src/speakers/match-role.ts";
import { nameWordsAlike } from "../../src/speakers/name-match.ts";
import { placeStems } from "../../src/speakers/role-lexicon.ts";

const shape = (text: string) => roleShape(roleTokens(text))!;
const score = (question: string, role: string) => roleScore(shape(question), shape(role));

describe("roleShape: the office a phrase names", () => {
  it.each([
    ["head of the energy regulator", ["head"]],
    ["adviser to the President's Office head", ["adviser"]],
    ["spokesman for the foreign ministry", ["press-secretary"]],
    ["top diplomat", ["foreign-minister"]],
    ["chief of the general staff", ["chief-of-general-staff"]],
  ])("%s → %j", (text, heads) => {
    expect(shape(text).heads).toEqual(heads);
  });

  it("reads 'the governor's deputy' as a deputy governor", () => {
    expect(shape("the governor's deputy")).toMatchObject({
      heads: ["governor"],
      blocking: ["deputy"],
    });
  });
});

describe("roleScore: roles as people say them", () => {
  it("matches synonyms and phrases of one office", () => {
    expect(score("top diplomat", "Foreign Minister")).toBeGreaterThanOrEqual(3);
    expect(score("the party boss", "party leader")).toBeGreaterThanOrEqual(3);
    expect(score("spokesperson", "Spokeswoman")).toBeGreaterThanOrEqual(3);
    expect(score("top general", "commander-in-chief")).toBeGreaterThanOrEqual(3);
  });

  it("reads a seat of power as its country: the Kremlin chief is Russia's president", () => {
    expect(score("the Kremlin chief", "Russian President")).toBeGreaterThan(
      score("the Kremlin chief", "Ukrainian President"),
    );
  });

  it("prefers the role qualified as the question qualifies it", () => {
    expect(score("Lorvania's president", "Lorvanian President")).toBeGreaterThan(
      score("Lorvania's president", "Union president"),
    );
  });

  it("keeps former and deputy holders apart, and a role word inside another role", () => {
    expect(score("the president", "former President")).toBe(0);
    expect(score("the former president", "former President")).toBeGreaterThan(0);
    expect(score("head of the regulator", "deputy head of the Security Council")).toBe(0);
    expect(score("the president", "adviser to the President's Office head")).toBe(0);
  });
});

describe("roleScore: roles as articles write them", () => {
  it.each([
    ["the Lorvanian prisoners ombudsman", "Lorvania's ombudsman for prisoners"],
    ["the harbourmaster", "harbourmaster"],
    ["the harbor master", "Harbourmaster"],
    ["the city auditor", "auditor"],
    ["Lorvania's commander in chief", "Lorvania's commander-in-chief"],
    ["the acting governor of Kell", "acting governor of the Kell region"],
  ])("%s ~ %s", (question, role) => {
    expect(score(question, role)).toBeGreaterThanOrEqual(3);
  });
});

describe("country adjectives and names", () => {
  it.each([
    ["lorvanian", "lorvania"],
    ["russian", "russia"],
    ["omani", "oman"],
    ["iranian", "iran"],
    ["chinese", "china"],
    ["french", "france"],
    ["kremlin", "russia"],
  ])("%s ↔ %s", (a, b) => {
    expect(placeStems(a).some((s) => placeStems(b).includes(s))).toBe(true);
  });
});

describe("nameWordsAlike", () => {
  it.each([
    ["kovalenko", "kovalenko", true],
    ["bohdan", "bogdan", true],
    ["markov", "markof", true],
    ["yusuf", "yousef", true],
    ["volodimir", "vladimir", true],
    ["halvorsen", "halvorski", false],
    ["anna", "oskar", false],
  ])("%s ~ %s: %s", (a, b, alike) => {
    expect(nameWordsAlike(a, b)).toBe(alike);
  });
});
