import type { StatementSummary } from "../engine/engine.ts";
import { nameKey } from "../speakers/name-key.ts";
import type { DevSpeaker } from "./dev-set.ts";

export interface ArticleAudit {
  articleId: string;
  /** Named speakers the engine attributes in the article. */
  attributed: string[];
  /** Of those, the ones that are no real source of the article. */
  wrong: string[];
  /** Named real sources of the article the engine does not attribute anything to. */
  missed: string[];
  sources: number;
}

export interface SpeakerAuditReport {
  articles: ArticleAudit[];
  /** Attributed named speakers that are real sources, over all articles. */
  precision: number;
  /** Real named sources found, over all articles. */
  recall: number;
  /** The mean of each article's own recall (a small article missing one source weighs as much as a long one). */
  articleRecall: number;
  /** Real sources with several spellings whose spellings ended in more than one entry. */
  split: { source: string; kind: "person" | "organization"; entries: string[] }[];
}

const ANONYMOUS = /^anonymous:/;
/** "The Washington Ledger" and "Washington Ledger" are one outlet. */
const keyOf = (name: string) => nameKey(name.replace(/^the\s+/i, ""));

function keysOf(source: DevSpeaker): Set<string> {
  return new Set([source.name, ...source.aliases].map(keyOf).filter(Boolean));
}

/**
 * Scores the speaker index against a reference of who speaks where (`speakers.jsonl`):
 * per article, the named speakers the engine attributes statements to against the named
 * sources the reference lists. Anonymous sources count in neither (the engine keeps them
 * unnamed). A speaker matches a source by any of the source's spellings.
 */
export function auditSpeakers(
  statements: readonly StatementSummary[],
  reference: readonly DevSpeaker[],
): SpeakerAuditReport {
  const named = reference.filter((s) => !ANONYMOUS.test(s.name));
  const keys = new Map(named.map((s) => [s, keysOf(s)]));
  const byArticle = new Map<string, Set<string>>();
  for (const st of statements) {
    if (st.kind === "unnamed") continue;
    const set = byArticle.get(st.articleId) ?? new Set<string>();
    set.add(st.speaker);
    byArticle.set(st.articleId, set);
  }
  const articleIds = new Set([
    ...byArticle.keys(),
    ...named.flatMap((s) => Object.keys(s.articles)),
  ]);
  const articles: ArticleAudit[] = [];
  let attributedTotal = 0;
  let rightTotal = 0;
  let sourcesTotal = 0;
  let foundTotal = 0;
  for (const articleId of [...articleIds].sort()) {
    const attributed = [...(byArticle.get(articleId) ?? [])];
    const sources = named.filter((s) => s.articles[articleId]);
    const matches = (name: string, source: DevSpeaker) => keys.get(source)!.has(keyOf(name));
    const wrong = attributed.filter((name) => !sources.some((s) => matches(name, s)));
    const missed = sources.filter((s) => !attributed.some((name) => matches(name, s)));
    attributedTotal += attributed.length;
    rightTotal += attributed.length - wrong.length;
    sourcesTotal += sources.length;
    foundTotal += sources.length - missed.length;
    articles.push({
      articleId,
      attributed,
      wrong,
      missed: missed.map((s) => s.name),
      sources: sources.length,
    });
  }
  const entries = [
    ...new Set(statements.filter((s) => s.kind !== "unnamed").map((s) => s.speaker)),
  ];
  const split = named
    .filter((s) => new Set([s.name, ...s.aliases].map(keyOf)).size > 1)
    .map((s) => ({
      source: s.name,
      kind: s.kind,
      entries: entries.filter((e) => keys.get(s)!.has(keyOf(e))),
    }))
    .filter((x) => x.entries.length > 1);
  const perArticle = articles.filter((a) => a.sources > 0);
  return {
    articles,
    articleRecall:
      perArticle.length === 0
        ? 1
        : perArticle.reduce((sum, a) => sum + (a.sources - a.missed.length) / a.sources, 0) /
          perArticle.length,
    precision: attributedTotal === 0 ? 1 : rightTotal / attributedTotal,
    recall: sourcesTotal === 0 ? 1 : foundTotal / sourcesTotal,
    split,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatSpeakerAudit(report: SpeakerAuditReport, details = false): string {
  const lines = [
    `speaker precision: ${pct(report.precision)}`,
    `speaker recall: ${pct(report.recall)} (mean of each article's: ${pct(report.articleRecall)})`,
    `spellings split over several entries: ${report.split.length}`,
  ];
  if (details) {
    for (const a of report.articles.filter((x) => x.wrong.length + x.missed.length > 0)) {
      lines.push(`  ${a.articleId}: wrong [${a.wrong.join("; ")}] missed [${a.missed.join("; ")}]`);
    }
    for (const s of report.split) lines.push(`  split: ${s.source} → ${s.entries.join("; ")}`);
  }
  return lines.join("\n");
}
