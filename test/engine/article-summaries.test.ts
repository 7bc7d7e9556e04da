import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDevSet } from "../../src/eval/dev-set.ts";
import { createEngine } from "../../src/index.ts";
import { ROOT } from "../support/seed-engine.ts";

describe("engine.articles()", () => {
  it("lists each article with the named people its statements quote, and the same list again", async () => {
    const dev = await loadDevSet(join(ROOT, "test/fixtures/dev-corpus"));
    const engine = createEngine({ articles: dev.articles });
    const summaries = engine.articles();
    expect(summaries.map((s) => s.id)).toEqual(dev.articles.map((a) => a.id));
    // What each article quotes, straight from the statements.
    for (const summary of summaries) {
      const named = new Set(
        engine
          .statements()
          .filter((st) => st.articleId === summary.id && st.kind !== "unnamed")
          .map((st) => st.speaker),
      );
      expect(new Set(summary.speakers), summary.id).toEqual(named);
    }
    // Kept per corpus: a caller changing its copy changes nothing for the next one.
    (summaries as unknown[]).pop();
    expect(engine.articles()).toHaveLength(dev.articles.length);
  });
});
