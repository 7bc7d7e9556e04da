import { describe, expect, it } from "vitest";
import { createPrng } from "../../bench/corpus/prng.ts";
import {
  createBm25Index,
  createBm25SearchIndex,
  DEFAULT_LIMIT,
  splitTerms,
} from "../../src/search/bm25-index.ts";
import { lengthNorms } from "../../src/search/bm25-length-norms.ts";
import type { IndexedPassage } from "../../src/search/lexical-index.ts";
import { createMiniSearchIndex } from "../../src/search/minisearch-index.ts";

const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

interface RefOptions {
  boosts: [number, number];
  coordination: boolean;
  distinctLength: boolean;
}

/** Textbook BM25+ computed the slow way, document by document, as the reference. */
function bruteForce(passages: readonly IndexedPassage[], query: readonly string[], o: RefOptions) {
  const n = passages.length;
  const fields = passages.map((p) => [splitTerms(p.text), splitTerms(p.context)]);
  const length = (tokens: string[]) => (o.distinctLength ? new Set(tokens).size : tokens.length);
  const average = [0, 1].map((f) => fields.reduce((s, d) => s + length(d[f]!), 0) / n);
  const df = (term: string, f: number) => fields.filter((d) => d[f]!.includes(term)).length;
  const hits: { id: number; score: number; matched: string[] }[] = [];
  passages.forEach((p, d) => {
    let score = 0;
    const matched = new Set<string>();
    for (const term of query) {
      for (const f of [0, 1]) {
        const tokens = fields[d]![f]!;
        const tf = tokens.filter((t) => t === term).length;
        if (tf === 0) continue;
        matched.add(term);
        const idf = Math.log(1 + (n - df(term, f) + 0.5) / (df(term, f) + 0.5));
        const norm = K1 * (1 - B + (B * length(tokens)) / average[f]!);
        score += o.boosts[f]! * idf * (DELTA + (tf * (K1 + 1)) / (tf + norm));
      }
    }
    if (matched.size > 0) {
      hits.push({
        id: p.id,
        score: o.coordination ? score * matched.size : score,
        matched: [...matched],
      });
    }
  });
  return hits.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** A small corpus with skewed term frequencies and repeated terms, like analysed news. */
function smallCorpus(seed: number, count: number): IndexedPassage[] {
  const prng = createPrng(seed);
  const vocabulary = Array.from({ length: 60 }, (_, i) => `t${i}`);
  const words = (k: number) => Array.from({ length: k }, () => prng.zipf(vocabulary, 1)).join(" ");
  return Array.from({ length: count }, (_, id) => ({
    id,
    text: words(prng.between(1, 12)),
    context: words(prng.between(0, 30)),
  }));
}

describe("createBm25Index", () => {
  const passages = smallCorpus(3, 120);
  const queries = [["t0"], ["t3", "t17"], ["t1", "t2", "t40"], ["t5", "t5", "t9"], ["t59", "t58"]];

  it.each([
    { boosts: [2, 0.5], coordination: true, distinctLength: true },
    { boosts: [1, 1], coordination: false, distinctLength: false },
  ] as RefOptions[])("scores every passage as brute-force BM25+ does (%o)", (o) => {
    const index = createBm25Index(passages, {
      analyze: splitTerms,
      textBoost: o.boosts[0],
      contextBoost: o.boosts[1],
      coordination: o.coordination,
      fieldLength: o.distinctLength ? "distinct" : "tokens",
    });
    for (const query of queries) {
      const expected = bruteForce(passages, query, o);
      const actual = index.search(query, { limit: 1000 });
      expect(actual.map((h) => h.id)).toEqual(expected.map((h) => h.id));
      actual.forEach((hit, i) => {
        expect(hit.score).toBeCloseTo(expected[i]!.score, 9);
        expect([...hit.matched].sort()).toEqual([...expected[i]!.matched].sort());
        // Looked up for the hits only, not tracked during the search.
        const text = new Set(splitTerms(passages[hit.id]!.text));
        expect([...(hit.matchedInText ?? [])].sort()).toEqual(
          [...new Set(query)].filter((t) => text.has(t)).sort(),
        );
      });
    }
  });

  it("keeps the exact top hits of queries up to 32 terms, with and without a filter", () => {
    // Passages many terms touch are offered first, then each term's own: every limit and
    // filter must still give the brute-force order, the 32nd term's bit included.
    // Two passages have the 32nd term and no other asked one: its bit is the sign bit.
    const many = [
      ...smallCorpus(31, 500),
      { id: 500, text: "t37", context: "" },
      { id: 501, text: "zz", context: "t37 zz" },
    ];
    const o: RefOptions = { boosts: [2, 0.5], coordination: true, distinctLength: true };
    const index = createBm25Index(many, { analyze: splitTerms, textBoost: 2, contextBoost: 0.5 });
    const query = Array.from({ length: 32 }, (_, i) => `t${(i * 7) % 60}`);
    for (const terms of [query, query.slice(28), ["t59", "t0"]]) {
      for (const filter of [undefined, (id: number) => id % 3 === 0]) {
        for (const limit of [1, 5, 30, 1000]) {
          const expected = bruteForce(many, terms, o)
            .filter((h) => !filter || filter(h.id))
            .slice(0, limit);
          const actual = index.search(terms, filter ? { limit, filter } : { limit });
          expect(actual.map((h) => h.id)).toEqual(expected.map((h) => h.id));
        }
      }
    }
  });

  it("keeps the exact top hits when most passages match one common word alone", () => {
    // Every passage has "common"; a few also have rarer words. Once the best few are in,
    // passages with "common" alone are turned away on their bits: the top must not change.
    const prng = createPrng(29);
    const mixed = Array.from({ length: 600 }, (_, id) => ({
      id,
      text: [
        "common",
        ...(prng.chance(0.03) ? ["rare"] : []),
        ...(prng.chance(0.1) ? ["mid"] : []),
        // Lengths vary, so the best passages with "common" alone are anywhere in id order.
        ...Array.from({ length: prng.between(0, 6) }, (_, k) => `filler${k}`),
      ].join(" "),
      context: prng.chance(0.5) ? "common filler" : "filler",
    }));
    const o: RefOptions = { boosts: [2, 0.5], coordination: true, distinctLength: true };
    const index = createBm25Index(mixed, { analyze: splitTerms, textBoost: 2, contextBoost: 0.5 });
    for (const query of [
      ["common", "rare"],
      ["mid", "common"],
      ["common", "mid", "rare"],
    ]) {
      for (const limit of [1, 5, 30, 80]) {
        const expected = bruteForce(mixed, query, o).slice(0, limit);
        const actual = index.search(query, { limit });
        expect(actual.map((h) => h.id)).toEqual(expected.map((h) => h.id));
        for (const [i, hit] of actual.entries())
          expect(hit.score).toBeCloseTo(expected[i]!.score, 9);
      }
    }
  });

  it("keeps only the best `limit` hits, and DEFAULT_LIMIT when none is named", () => {
    const many = smallCorpus(5, 400);
    const index = createBm25Index(many, { analyze: splitTerms });
    const all = index.search(["t0", "t1"], { limit: 10_000 });
    expect(all.length).toBeGreaterThan(DEFAULT_LIMIT);
    expect(index.search(["t0", "t1"])).toEqual(all.slice(0, DEFAULT_LIMIT));
    expect(index.search(["t0", "t1"], { limit: 7 })).toEqual(all.slice(0, 7));
    expect(index.search(["t0"], { limit: 0 })).toEqual([]);
  });

  it("applies a filter before taking the top hits", () => {
    const index = createBm25Index(passages, { analyze: splitTerms });
    const even = index.search(["t0", "t2"], { filter: (id) => id % 2 === 0, limit: 5 });
    const all = index.search(["t0", "t2"], { limit: 1000 }).filter((h) => h.id % 2 === 0);
    expect(even).toEqual(all.slice(0, 5));
  });

  it("counts document frequency across both fields and ignores unknown terms", () => {
    const index = createBm25Index(
      [
        { id: 0, text: "lavrov talk", context: "moscow" },
        { id: 1, text: "talk", context: "lavrov lavrov" },
        { id: 2, text: "kyiv", context: "" },
      ],
      { analyze: splitTerms },
    );
    expect(index.size).toBe(3);
    expect(index.documentFrequency("lavrov")).toBe(2);
    expect(index.documentFrequency("kyiv")).toBe(1);
    expect(index.documentFrequency("absent")).toBe(0);
    expect(index.search(["absent"])).toEqual([]);
    expect(index.search([])).toEqual([]);
    expect(index.search(["absent", "kyiv"]).map((h) => h.id)).toEqual([2]);
  });

  it("gives the same results when searched again (the accumulator is reused)", () => {
    const index = createBm25Index(passages, { analyze: splitTerms });
    const first = index.search(["t3", "t17"]);
    index.search(["t0", "t1", "t2"]);
    expect(index.search(["t3", "t17"])).toEqual(first);
  });

  it("maps hits back to passage ids given in any order", () => {
    const shuffled = [
      { id: 2, text: "gamma", context: "" },
      { id: 0, text: "alpha", context: "" },
      { id: 1, text: "beta alpha", context: "" },
    ];
    const index = createBm25Index(shuffled, { analyze: splitTerms });
    expect(index.search(["gamma"]).map((h) => h.id)).toEqual([2]);
    expect(new Set(index.search(["alpha"]).map((h) => h.id))).toEqual(new Set([0, 1]));
  });

  it("tells the terms asked passages have, in their text and in either field, for ids in any order", () => {
    const shuffled = [
      { id: 2, text: "gamma delta", context: "alpha" },
      { id: 0, text: "alpha", context: "beta" },
      { id: 1, text: "beta alpha", context: "gamma" },
    ];
    const index = createBm25Index(shuffled, { analyze: splitTerms });
    const got = index.matchesOf!(["alpha", "gamma", "alpha", "omega"], [2, 0, 1, 7]);
    expect(got.map((m) => [...m.matched].sort())).toEqual([
      ["alpha", "gamma"],
      ["alpha"],
      ["alpha", "gamma"],
      [],
    ]);
    expect(got.map((m) => [...m.matchedInText].sort())).toEqual([
      ["gamma"],
      ["alpha"],
      ["alpha"],
      [],
    ]);
  });

  it("treats empty pieces (doubled, leading, trailing spaces) the same for any splitter", () => {
    const odd = [
      { id: 0, text: "  t1  t2 ", context: "" },
      { id: 1, text: "t1", context: " t2 t2  t3" },
      { id: 2, text: "", context: "t3 t1 " },
      ...smallCorpus(4, 40).map((p) => ({ ...p, id: p.id + 3 })),
    ];
    const engineSplit = createBm25Index(odd, { analyze: splitTerms });
    const viaSplit = createBm25Index(odd, { analyze: (text) => text.split(" ") });
    for (const query of [["t1"], ["t2", "t3"], ["t1", "t2", "t3", "t40"]]) {
      expect(engineSplit.search(query, { limit: 100 })).toEqual(
        viaSplit.search(query, { limit: 100 }),
      );
    }
    expect(engineSplit.documentFrequency("t2")).toBe(viaSplit.documentFrequency("t2"));
  });

  it("refuses weights that would make a match score nothing", () => {
    const passages = smallCorpus(2, 5);
    expect(() => createBm25Index(passages, { analyze: splitTerms, contextBoost: 0 })).toThrow(
      /positive/,
    );
    expect(() => createBm25Index(passages, { analyze: splitTerms, textBoost: -1 })).toThrow(
      /positive/,
    );
  });

  it("refuses ids that are not dense and unique", () => {
    const bad = (ids: number[]) => () =>
      createBm25Index(
        ids.map((id) => ({ id, text: "x", context: "" })),
        { analyze: splitTerms },
      );
    expect(bad([0, 2])).toThrow(/dense and unique/);
    expect(bad([0, 0])).toThrow(/dense and unique/);
    expect(bad([-1, 0])).toThrow(/dense and unique/);
  });
});

describe("lengthNorms", () => {
  it("gives each document the norm of its lengths, across arrays, from one table per field", () => {
    const text = [Float32Array.of(3, 7, 3), Float32Array.of(0, 7)];
    const context = [Float32Array.of(10, 10, 2), Float32Array.of(5, 2)];
    const norms = lengthNorms(text, context, { text: 4, context: 6 }, K1, B);
    const norm = (length: number, average: number) => K1 * (1 - B + (B * length) / average);
    const flat = (arrays: Float32Array[]) => arrays.flatMap((a) => [...a]);
    expect(norms.codes).toHaveLength(5);
    flat(text).forEach((length, doc) => {
      expect(norms.text[norms.codes[doc]! & 0xffff]).toBe(norm(length, 4));
    });
    flat(context).forEach((length, doc) => {
      expect(norms.context[norms.codes[doc]! >>> 16]).toBe(norm(length, 6));
    });
    // One entry per distinct length: 3, 7, 0 and 10, 2, 5.
    expect([norms.text.length, norms.context.length]).toEqual([3, 3]);
  });

  it("refuses more distinct lengths than 16 bits can number", () => {
    const lengths = Float32Array.from({ length: 65_537 }, (_, i) => i);
    expect(() =>
      lengthNorms([lengths], [new Float32Array(65_537)], { text: 1, context: 1 }, K1, B),
    ).toThrow(/distinct passage lengths/);
  });
});

describe("createBm25SearchIndex", () => {
  it("ranks and scores as the engine's minisearch index does", () => {
    const passages = smallCorpus(11, 300);
    const bm25 = createBm25SearchIndex(passages);
    const mini = createMiniSearchIndex(passages);
    for (const query of [["t0"], ["t4", "t12"], ["t1", "t30", "t31"], ["t8", "t2"]]) {
      const a = mini.search(query, { limit: 20 });
      const b = bm25.search(query, { limit: 20 });
      expect(b.length).toBe(a.length);
      // Same scores rank by rank (ties may be ordered differently, so ids are not compared).
      for (const [i, hit] of b.entries()) expect(hit.score).toBeCloseTo(a[i]!.score, 6);
      for (const term of query)
        expect(bm25.documentFrequency(term)).toBe(mini.documentFrequency(term));
    }
  });
});
