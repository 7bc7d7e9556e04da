import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-corpus.ts";
import {
  ABSENT_WORDS,
  contentWords,
  generateQuestions,
  mistype,
  otherSpelling,
} from "../../bench/corpus/generate-questions.ts";
import { createPrng } from "../../bench/corpus/prng.ts";
import { ArticleMetaSchema } from "../../src/corpus/article.ts";
import { formatArticle } from "../../src/corpus/format-article.ts";
import { parseArticle } from "../../src/corpus/parse-article.ts";

const corpus = generateCorpus({ articles: 200, seed: 42 });

describe("createPrng", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const run = (seed: number) => {
      const prng = createPrng(seed);
      return Array.from({ length: 50 }, () => prng.next());
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
    for (const x of run(3)) expect(x >= 0 && x < 1).toBe(true);
  });

  it("favours the head of a list with zipf, as word frequencies do", () => {
    const prng = createPrng(9);
    const items = Array.from({ length: 100 }, (_, i) => i);
    const picks = Array.from({ length: 5000 }, () => prng.zipf(items, 1));
    const first = picks.filter((x) => x === 0).length;
    const last = picks.filter((x) => x === 99).length;
    expect(first).toBeGreaterThan(10 * Math.max(1, last));
  });
});

describe("generateCorpus", () => {
  it("is deterministic: the same seed gives the same articles, character for character", () => {
    const again = generateCorpus({ articles: 200, seed: 42 });
    expect(again).toEqual(corpus);
    const other = generateCorpus({ articles: 200, seed: 43 });
    expect(other.articles[0]!.paragraphs).not.toEqual(corpus.articles[0]!.paragraphs);
  });

  it("makes valid articles with about ten paragraphs that survive the corpus file format", () => {
    const ids = new Set(corpus.articles.map((a) => a.id));
    expect(ids.size).toBe(200);
    let paragraphs = 0;
    for (const article of corpus.articles) {
      const { paragraphs: body, ...meta } = article;
      expect(ArticleMetaSchema.safeParse(meta).success).toBe(true);
      expect(body.length).toBeGreaterThanOrEqual(8);
      expect(body.length).toBeLessThanOrEqual(12);
      paragraphs += body.length;
      const parsed = parseArticle(formatArticle(article));
      expect(parsed).toEqual({ ok: true, article });
    }
    expect(paragraphs / 200).toBeGreaterThan(9);
    expect(paragraphs / 200).toBeLessThan(11);
  });

  it("writes news-like prose: named speakers with roles, straight and curly quotes, dates", () => {
    const text = corpus.articles.flatMap((a) => a.paragraphs).join("\n");
    expect(text).toMatch(/\u201C[^\u201D]+,\u201D [A-Z][a-z]+ said/);
    expect(text).toMatch(/"[^"]+," (he|she) (said|added)/);
    expect(text).toMatch(/According to the Ministry of [A-Z]/);
    expect(text).toMatch(/(Foreign|Finance|Defence) Minister [A-Z][a-z]+ [A-Z][a-z]+/);
    expect(text).toMatch(
      /On (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/,
    );
    const distinct = new Set(text.toLowerCase().match(/[a-z]+/g));
    expect(distinct.size).toBeGreaterThan(1500);
  });

  it("lists the speakers it quoted, each of them in the text by name", () => {
    expect(corpus.speakers.length).toBeGreaterThan(40);
    const text = corpus.articles.flatMap((a) => a.paragraphs).join("\n");
    for (const speaker of corpus.speakers.slice(0, 30)) {
      expect(text).toContain(speaker.surname);
      expect(speaker.quotes).toBeGreaterThan(0);
      for (const topic of speaker.topics) expect(text).toContain(topic);
    }
  });
});

describe("generateQuestions", () => {
  const options = {
    articles: corpus.articles,
    speakers: corpus.speakers,
    places: corpus.places,
    count: 1000,
    seed: 5,
  };
  const questions = generateQuestions(options);

  it("is deterministic and mixes every kind of question", () => {
    expect(generateQuestions(options)).toEqual(questions);
    expect(questions).toHaveLength(1000);
    const count = (kind: string) => questions.filter((q) => q.kind === kind).length;
    expect(count("speaker")).toBeGreaterThan(220);
    expect(count("topic")).toBeGreaterThan(220);
    expect(count("role")).toBeGreaterThan(100);
    expect(count("spelling")).toBeGreaterThan(50);
    expect(count("typo")).toBeGreaterThan(40);
    expect(count("unanswerable")).toBeGreaterThan(60);
  });

  it("asks for offices the corpus's speakers hold, some with a country", () => {
    const roles = new Set(corpus.speakers.map((s) => s.role.toLowerCase()));
    const places = new Set(corpus.places);
    const asked = questions.filter((q) => q.kind === "role");
    for (const q of asked) {
      const phrase = /the (.+?) (?:say|said)/.exec(q.text)?.[1] ?? "";
      const [first, ...rest] = phrase.split(" ");
      const role = places.has(first ?? "") ? rest.join(" ") : phrase;
      expect(roles.has(role)).toBe(true);
    }
    expect(asked.some((q) => corpus.places.some((p) => q.text.includes(p)))).toBe(true);
  });

  it("spells surnames another way and mistypes them by one slip", () => {
    expect(otherSpelling("Kowalski")).toBe("Kowalsky");
    expect(otherSpelling("Ivanov")).toBe("Ivanoff");
    expect(otherSpelling("Nowak")).toBe("Novak");
    expect(otherSpelling("Dubois")).toBe("dubois");
    const prng = createPrng(3);
    for (let i = 0; i < 50; i++) {
      const typo = mistype(prng, "Kowalski");
      expect(typo).not.toBe("Kowalski");
      expect(typo[0]).toBe("K");
      expect(Math.abs(typo.length - 8)).toBeLessThanOrEqual(1);
    }
    const respelt = new Set(corpus.speakers.map((s) => otherSpelling(s.surname)));
    for (const q of questions.filter((x) => x.kind === "spelling" || x.kind === "typo")) {
      const named = /did (?:\S+ )?(\S+) say/.exec(q.text)?.[1] ?? "";
      expect(named).not.toBe("");
      if (q.kind === "spelling") expect(respelt.has(named)).toBe(true);
    }
  });

  it("asks about speakers the corpus quotes and words its paragraphs use", () => {
    const text = corpus.articles.flatMap((a) => a.paragraphs).join("\n");
    const names = new Set(corpus.speakers.flatMap((s) => [s.name, s.surname]));
    for (const q of questions.filter((x) => x.kind === "speaker")) {
      const name = /(?:did|has|from) (.+?)(?: say| said|$)/.exec(q.text)?.[1];
      expect(names.has(name ?? "")).toBe(true);
    }
    for (const q of questions.filter((x) => x.kind === "topic").slice(0, 100)) {
      const words = q.text.replace(/^(What was said about|Tell me about) /, "").replace(/\?$/, "");
      for (const word of words.split(" ")) expect(text).toContain(word);
    }
  });

  it("builds unanswerable questions from words neither corpus contains", () => {
    const shipped = readFileSync(
      join(import.meta.dirname, "../../corpus/kursk-negotiation-landscape.md"),
      "utf8",
    );
    const text =
      `${corpus.articles.flatMap((a) => a.paragraphs).join("\n")}\n${shipped}`.toLowerCase();
    for (const word of ABSENT_WORDS) expect(text).not.toContain(word);
    for (const q of questions.filter((x) => x.kind === "unanswerable")) {
      const invented = q.text.match(/[A-Z][a-z]+/g)?.filter((w) => w !== "What") ?? [];
      for (const word of invented) expect(text).not.toContain(word.toLowerCase());
    }
  });

  it("picks content words, not sentence-initial capitals or stop words", () => {
    expect(contentWords("Critics say the pipeline would delay the Kestrin tariff.")).toEqual([
      "pipeline",
      "delay",
      "Kestrin",
      "tariff",
    ]);
  });
});
