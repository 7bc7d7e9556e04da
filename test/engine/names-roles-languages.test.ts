import { describe, expect, it } from "vitest";
import { renderAnswerEmbeds } from "../../adapters/discord/render-answer-embeds.ts";
import { renderAnswerHtml } from "../../adapters/telegram/render-answer-html.ts";
import { renderAnswerPlain } from "../../src/answer/render-plain-text.ts";
import { createEngine } from "../../src/index.ts";
import { seedEngine } from "../support/seed-engine.ts";
import { NAME_ARTICLES } from "./name-fixtures.ts";

// Invented people in an invented country: nothing here is in a corpus the engine is tuned on.
const engine = createEngine({ articles: NAME_ARTICLES });

describe("engine.ask: names as people type them", () => {
  it("merges one person's spellings across outlets into one speaker", () => {
    const kovalenko = engine.speakers().filter((s) => s.name.endsWith("Kovalenko"));
    expect(kovalenko).toHaveLength(1);
    expect(kovalenko[0]!.statements).toBe(3);
  });

  it.each([
    ["what did Kovalenkko say", "Bohdan Kovalenko"],
    ["what did Bogdan Kovalenko say", "Bohdan Kovalenko"],
    ["what did Ostrowsky say about the corridor", "Lidia Ostrowska"],
    ["what did Kalvorsen say", "Marit Halvorsen"],
    ["what did Mr Kovalenko say", "Bohdan Kovalenko"],
    ["what did deputy governor Halvorsen say", "Marit Halvorsen"],
  ])("%s → %s", async (question, name) => {
    const a = await engine.ask(question);
    expect(a.status).toBe("answered");
    expect(a.speaker).toBe(name);
  });

  it("answers a near miss it is not sure of with a suggestion, not 'don't mention'", async () => {
    const a = await engine.ask("what did Halvorsky say");
    expect(a.status).toBe("not_found");
    expect(a.text).toMatch(/^Did you mean Marit Halvorsen\?/);
    expect(a.text).not.toMatch(/don't mention/);
  });

  it("suggests names only where a name stands, not for a misspelt topic word", async () => {
    const a = await engine.ask("any news on the halvorsky corridor");
    expect(a.text).not.toMatch(/Did you mean/);
  });

  it("still says an unknown person is not mentioned", async () => {
    const a = await engine.ask("what did Joe Biden say");
    expect(a.status).toBe("not_found");
    expect(a.text).toMatch(/don't mention Joe Biden/);
  });
});

describe("engine.ask: roles as people say them", () => {
  it.each([
    ["what did the top diplomat say", "Bohdan Kovalenko"],
    ["what did Lorvania's foreign minister say", "Bohdan Kovalenko"],
    ["what did Lorvania's president say", "Lidia Ostrowska"],
    ["what did the Lorvanian president say", "Lidia Ostrowska"],
    ["what did the president say", "Lidia Ostrowska"],
    ["what did the former president say", "Bruno Falk"],
    ["what did the governor's deputy say", "Marit Halvorsen"],
    ["what did the army spokesman say", "Ingeborg Tveit"],
  ])("%s → %s", async (question, name) => {
    const a = await engine.ask(question);
    expect(a.status).toBe("answered");
    expect(a.speaker).toBe(name);
  });
});

describe("engine.ask: a country's role is not another country's", () => {
  it.each([["what did the French president say"], ["what did the US president say"]])(
    "%s → not the Lorvanian president",
    async (question) => {
      const a = await engine.ask(question);
      expect(a.speaker).not.toBe("Lidia Ostrowska");
    },
  );
});

describe("engine.ask: questions in other languages", () => {
  it.each([
    ["Що сказав Коваленко?"],
    ["Что сказал Коваленко про переговоры?"],
    ["Was hat Kovalenko über die Gespräche gesagt?"],
    ["Was hat Kovalenko gesagt?"],
    ["¿Qué dijo Kovalenko sobre las conversaciones?"],
  ])("%s → the person's quotes, with a note that the articles are in English", async (q) => {
    const a = await engine.ask(q);
    expect(a.status).toBe("answered");
    expect(a.speaker).toBe("Bohdan Kovalenko");
    expect(a.note).toMatch(/articles are in English/);
    expect(a.text.startsWith(a.note!)).toBe(true);
  });

  it("every face shows the note", async () => {
    const a = await engine.ask("Що сказав Коваленко?");
    expect(renderAnswerPlain(a).startsWith(a.note!)).toBe(true);
    expect(renderAnswerHtml(a)[0]!.plain).toContain(a.note!);
    expect(renderAnswerEmbeds(a).content).toContain(a.note!);
  });

  it("says in plain words that it answers in English, with an example", async () => {
    const a = await engine.ask("Wie viele Brücken wurden im Frühling zerstört?");
    expect(a.status).toBe("not_found");
    expect(a.text).toMatch(/I answer questions in English/);
    expect(a.text).toMatch(/for example: "What did .+ say\?"/);
    expect(a.text).not.toMatch(/don't mention/);
  });

  it("leaves English questions alone", async () => {
    const a = await engine.ask("what did Kovalenko say about the talks");
    expect(a.note).toBeUndefined();
  });
});

describe("engine.ask on the shipped article: roles and scripts people use", () => {
  const shipped = seedEngine();
  it.each([
    ["What did the Kremlin's top diplomat say?", "Sergey Lavrov"],
    ["what did Russia's foreign minister say", "Sergey Lavrov"],
    ["what did the Kremlin chief say", "Vladimir Putin"],
    ["what did Ukraine's top general say", "Oleksandr Syrskyi"],
    ["Что сказал Лавров?", "Sergey Lavrov"],
    ["what did the Times columnist say", "Tim Shipman"],
    ["what did Mr Zelensky say", "Volodymyr Zelensky"],
  ])("%s → %s", async (question, name) => {
    const a = await shipped.ask(question);
    expect(a.status).toBe("answered");
    expect(a.speaker).toBe(name);
  });

  it("a role of a person the articles do not quote is not that person", async () => {
    const a = await shipped.ask("what did Zelensky's chief of staff say");
    expect(a.status).toBe("not_found");
    expect(a.speaker).toBeNull();
    expect(a.text).toMatch(/Zelensky's chief of staff/);
  });
});
