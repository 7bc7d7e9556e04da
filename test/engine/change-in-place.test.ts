import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/article-analysis.ts";
import { buildSnapshot, type CorpusSnapshot } from "../../src/engine/corpus-snapshot.ts";
import { createEngine } from "../../src/engine/create-engine.ts";
import { extendSnapshot } from "../../src/engine/extend-snapshot.ts";
import { withListings } from "../../src/engine/with-listings.ts";
import { type DevSet, evaluateDevSet, isRight, loadDevSet } from "../../src/eval/dev-set.ts";
import type { Article } from "../../src/index.ts";
import { ROOT } from "../support/seed-engine.ts";

let dev: DevSet;
beforeAll(async () => {
  dev = await loadDevSet(join(ROOT, "test/fixtures/dev-corpus"));
});

/**
 * A full build that waits until the test lets it finish, counting the builds asked for:
 * whatever is answerable before `release` was not made by a full build.
 */
function heldBuilds() {
  const started: (readonly Article[])[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const build = async (articles: readonly Article[]): Promise<CorpusSnapshot> => {
    started.push(articles);
    await gate;
    return buildSnapshot(articles);
  };
  return { started, release, build };
}

const BELLINI = "what did Bellini say about the 18 million fee";
const FEE_ARTICLE = "sp-fc-halden-sign-kwame-adjei-record-fee";

describe("a change of a few articles, applied in place", () => {
  it("makes an added article answerable before any full build finishes", async () => {
    const question = dev.questions.find((q) => q.question === BELLINI)!;
    const added = dev.articles.find((a) => a.id === FEE_ARTICLE)!;
    const without = dev.articles.filter((a) => a !== added);
    const held = heldBuilds();
    const engine = createEngine({ articles: without, buildSnapshot: held.build });
    expect(isRight(question, await engine.ask(BELLINI))).toBe(false);

    await engine.replaceArticles([...without, added]);
    // The full build was asked for (the background merge) and has not finished.
    expect(held.started).toHaveLength(1);
    const answer = await engine.ask(BELLINI);
    expect(isRight(question, answer)).toBe(true);
    const quote = answer.quotes.find((q) => q.source.articleId === FEE_ARTICLE)!;
    expect(quote.speaker).toMatch(/Bellini/);
    expect(answer.speaker).toMatch(/Bellini/);
    expect(engine.articles().map((a) => a.id)).toContain(FEE_ARTICLE);
    expect(engine.corpusStatus().articles).toBe(dev.articles.length);
    const { builtAt } = engine.corpusStatus();
    held.release();
    expect(await engine.merged?.()).toBe(true);
    // The full build is the same corpus: it keeps the change's date.
    expect(engine.corpusStatus()).toEqual({ articles: dev.articles.length, builtAt });
  });

  it("hides a removed article at once: answers, listings and counts", async () => {
    const question = dev.questions.find((q) => q.question === BELLINI)!;
    const held = heldBuilds();
    const engine = withListings(
      createEngine({ articles: dev.articles, buildSnapshot: held.build }),
    );
    const before = await engine.ask(BELLINI);
    expect(before.quotes.some((q) => q.source.articleId === FEE_ARTICLE)).toBe(true);

    const rest = dev.articles.filter((a) => a.id !== FEE_ARTICLE);
    await engine.replaceArticles(rest);
    expect(held.started).toHaveLength(1);
    const after = await engine.ask(BELLINI);
    expect(after.quotes.some((q) => q.source.articleId === FEE_ARTICLE)).toBe(false);
    expect(isRight(question, after)).toBe(false);
    expect(engine.articles().map((a) => a.id)).toEqual(rest.map((a) => a.id));
    expect(engine.corpusStatus().articles).toBe(rest.length);
    expect(engine.describeCorpus()).toContain(`I have ${rest.length} articles`);
    expect(engine.statements().some((s) => s.articleId === FEE_ARTICLE)).toBe(false);
    expect(engine.speakers().some((s) => /Bellini/.test(s.name))).toBe(false);
    const listed = engine.articles();
    held.release();
    expect(await engine.merged?.()).toBe(true);
    // The lists are made again from the full build, with the same articles.
    expect(engine.articles()).not.toBe(listed);
    expect(engine.articles()).toEqual(listed);
  });

  it("answers the development set as a fresh engine does once the full build is in", async () => {
    const picks = [0, 11, 32];
    for (const k of picks) {
      const article = dev.articles[k]!;
      const without = dev.articles.filter((_, i) => i !== k);
      for (const [from, to] of [
        [without, [...without, article]],
        [dev.articles, without],
      ] as const) {
        const held = heldBuilds();
        const engine = createEngine({ articles: from, buildSnapshot: held.build });
        await engine.replaceArticles(to);
        held.release();
        await engine.merged?.();
        const fresh = createEngine({ articles: to });
        for (const q of dev.questions)
          expect(await engine.ask(q.question), `${article.id} ${q.id}`).toEqual(
            await fresh.ask(q.question),
          );
      }
    }
  }, 120_000);

  it("scores the development set as a fresh engine does while the change is in place", async () => {
    // Answers in place may differ from a full build's in the speaker directory's merges
    // (extend-speaker-directory.ts); on this set the scores are the same for these changes.
    const score = (r: Awaited<ReturnType<typeof evaluateDevSet>>) => ({
      answered: r.answeredRight,
      refused: r.refusedRight,
      kinds: r.kinds.map((k) => [k.kind, k.right]),
      verbatim: r.verbatimRate,
    });
    for (const k of [0, 11, 20]) {
      const without = dev.articles.filter((_, i) => i !== k);
      for (const [from, to] of [
        [without, [...without, dev.articles[k]!]],
        [dev.articles, without],
      ] as const) {
        const held = heldBuilds();
        const engine = createEngine({ articles: from, buildSnapshot: held.build });
        await engine.replaceArticles(to);
        const inPlace = score(await evaluateDevSet(engine, dev));
        expect(held.started).toHaveLength(1);
        expect(inPlace).toEqual(score(await evaluateDevSet(createEngine({ articles: to }), dev)));
        held.release();
        await engine.merged?.();
      }
    }
  }, 120_000);

  it("goes back to the last full build at once when the change is undone", async () => {
    const held = heldBuilds();
    const engine = createEngine({ articles: dev.articles, buildSnapshot: held.build });
    const rest = dev.articles.filter((a) => a.id !== FEE_ARTICLE);
    await engine.replaceArticles(rest);
    await engine.replaceArticles(dev.articles);
    // No second full build: the first one's corpus is the one asked for again.
    expect(held.started).toHaveLength(1);
    const answer = await engine.ask(BELLINI);
    expect(answer.quotes.some((q) => q.source.articleId === FEE_ARTICLE)).toBe(true);
    held.release();
    expect(await engine.merged?.()).toBe(false);
    // The superseded build is not swapped in over the restored corpus.
    expect(engine.articles().map((a) => a.id)).toContain(FEE_ARTICLE);
  });

  it("swaps in only the later of two changes that overlap", async () => {
    const held = heldBuilds();
    const added = dev.articles.find((a) => a.id === FEE_ARTICLE)!;
    const without = dev.articles.filter((a) => a !== added);
    const engine = createEngine({ articles: without, buildSnapshot: held.build });
    const first = engine.replaceArticles([...without, added]);
    await engine.replaceArticles(without.slice(1));
    await first;
    expect(engine.articles().map((a) => a.id)).toEqual(without.slice(1).map((a) => a.id));
    expect((await engine.ask(BELLINI)).quotes.some((q) => q.source.articleId === FEE_ARTICLE)).toBe(
      false,
    );
    held.release();
    await engine.merged?.();
    expect(engine.articles().map((a) => a.id)).toEqual(without.slice(1).map((a) => a.id));
  });

  it("waits for the full build when the change is large, or turned off", async () => {
    const held = heldBuilds();
    const engine = createEngine({
      articles: dev.articles.slice(0, 10),
      buildSnapshot: held.build,
      maxArticlesChangedInPlace: 5,
    });
    let done = false;
    const replacing = engine.replaceArticles(dev.articles).then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    expect(engine.corpusStatus().articles).toBe(10);
    held.release();
    await replacing;
    expect(engine.corpusStatus().articles).toBe(dev.articles.length);
  });
});

describe("extendSnapshot", () => {
  it("reuses the base: its passages, its index and its untouched speakers, none written", () => {
    const added = dev.articles.find((a) => a.id === FEE_ARTICLE)!;
    const base = buildSnapshot(dev.articles.filter((a) => a !== added));
    const statementsBefore = base.speakers.all.map((e) => [...e.statements]);
    const removed = new Set([3]);
    const next = extendSnapshot(base, [added], removed, analyzeArticle)!;
    for (let id = 0; id < base.passages.length; id++)
      expect(next.passages[id]).toBe(base.passages[id]);
    expect(next.passages.length).toBeGreaterThan(base.passages.length);
    const gone = base.passages.filter((p) => p.article === 3).length;
    expect(next.index.size).toBe(next.passages.length - gone);
    // Base entries are never written; untouched ones are shared as they are.
    expect(base.speakers.all.map((e) => e.statements)).toEqual(statementsBefore);
    const shared = next.speakers.all.filter((e, i) => e === base.speakers.all[i]);
    expect(shared.length).toBeGreaterThan(base.speakers.all.length / 2);
    for (const e of next.speakers.all)
      for (const p of e.statements) expect(next.passages[p]!.article).not.toBe(3);
  });
});
