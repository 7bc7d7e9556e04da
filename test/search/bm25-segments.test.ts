import { describe, expect, it } from "vitest";
import { createPrng } from "../../bench/corpus/prng.ts";
import { createBm25SearchIndex } from "../../src/search/bm25-index.ts";
import { bm25IndexWithSegment } from "../../src/search/bm25-segments.ts";
import type { IndexedPassage } from "../../src/search/lexical-index.ts";
import { createMiniSearchIndex } from "../../src/search/minisearch-index.ts";

const VOCABULARY = Array.from({ length: 60 }, (_, i) => `w${i}`);

function passages(count: number, seed: number): IndexedPassage[] {
  const rng = createPrng(seed);
  const words = (n: number) => Array.from({ length: n }, () => rng.zipf(VOCABULARY, 1));
  return Array.from({ length: count }, (_, id) => ({
    id,
    text: words(rng.between(2, 9)).join(" "),
    // A doubled space now and then: an empty token counts towards length, as in a full build.
    context: words(rng.between(0, 14)).join(rng.chance(0.1) ? "  " : " "),
  }));
}

const QUERIES = [["w0"], ["w1", "w7"], ["w3", "w3", "w12"], ["w40", "w2", "w59", "w0"], ["nope"]];

describe("bm25IndexWithSegment", () => {
  it("scores as one index built over the live passages: counts, lengths and df combined", () => {
    const all = passages(260, 5);
    const base = createBm25SearchIndex(all.slice(0, 200));
    const deleted = [3, 4, 5, 50, 51, 199];
    const added = all.slice(200);
    const segmented = bm25IndexWithSegment(base, added, deleted)!;
    // The fresh build numbers the live passages densely; its ids map back in order.
    const live = all.filter((p) => !deleted.includes(p.id));
    const fresh = createBm25SearchIndex(live.map((p, i) => ({ ...p, id: i })));
    const idOf = live.map((p) => p.id);

    expect(segmented.size).toBe(live.length);
    for (const term of ["w0", "w5", "w33", "nope"])
      expect(segmented.documentFrequency(term)).toBe(fresh.documentFrequency(term));
    for (const query of QUERIES) {
      for (const filter of [undefined, (id: number) => id % 3 !== 0]) {
        const expected = fresh
          .search(query, { limit: 30, ...(filter ? { filter: (i) => filter(idOf[i]!) } : {}) })
          .map((h) => ({ ...h, id: idOf[h.id]! }));
        const got = segmented.search(query, { limit: 30, ...(filter ? { filter } : {}) });
        expect(got).toEqual(expected);
        for (const hit of got) expect(deleted).not.toContain(hit.id);
      }
    }
  });

  it("tells each asked passage's matches as reading its text and context does", () => {
    const all = passages(260, 8);
    const deleted = [7, 8, 120];
    const segmented = bm25IndexWithSegment(
      createBm25SearchIndex(all.slice(0, 200)),
      all.slice(200),
      deleted,
    )!;
    const terms = ["w0", "w2", "w9", "w31", "w0", "nope"];
    const ids = [0, 7, 13, 199, 200, 259, 120, -1, 999];
    const got = segmented.matchesOf!(terms, ids);
    ids.forEach((id, i) => {
      const passage = all[id];
      // A deleted passage, or none, has nothing: it is never found either.
      const live = passage !== undefined && !deleted.includes(id);
      const text = new Set(live ? passage.text.split(" ") : []);
      const any = new Set(live ? [...text, ...passage.context.split(" ")] : []);
      const unique = [...new Set(terms)];
      expect(new Set(got[i]!.matched)).toEqual(new Set(unique.filter((t) => any.has(t))));
      expect(new Set(got[i]!.matchedInText)).toEqual(new Set(unique.filter((t) => text.has(t))));
    });
  });

  it("leaves the base index as it was, and a term only deleted passages had is unknown", () => {
    const all = passages(50, 9);
    const lone = { id: 50, text: "solitary", context: "" };
    const base = createBm25SearchIndex([...all, lone]);
    const before = base.search(["w1", "solitary"]);
    const segmented = bm25IndexWithSegment(base, [], [50])!;
    expect(segmented.documentFrequency("solitary")).toBe(0);
    expect(segmented.search(["solitary"])).toEqual([]);
    expect(base.search(["w1", "solitary"])).toEqual(before);
    expect(before.some((h) => h.id === 50)).toBe(true);
  });

  it("refuses added ids that do not follow the base's, and an index without postings", () => {
    const base = createBm25SearchIndex(passages(10, 1));
    expect(() => bm25IndexWithSegment(base, [{ id: 12, text: "a", context: "" }], [])).toThrow(
      RangeError,
    );
    expect(bm25IndexWithSegment(createMiniSearchIndex(passages(10, 1)), [], [])).toBeNull();
  });
});
