import type { RetrievedPassage } from "./composer.ts";
import type { CorpusSnapshot } from "./corpus-snapshot.ts";

/** Paragraphs a composer sees: enough context to write from, few enough to read quickly. */
export const MAX_PASSAGES = 6;

/** The paragraphs of the best-ranked sentences, in rank order, each with its sentences' speakers. */
export function retrievePassages(
  snapshot: CorpusSnapshot,
  ranked: readonly number[],
): RetrievedPassage[] {
  const out: RetrievedPassage[] = [];
  const taken = new Set<string>();
  ranked.forEach((id, rank) => {
    if (out.length >= MAX_PASSAGES) return;
    const p = snapshot.passages[id]!;
    const key = `${p.article}:${p.paragraph}`;
    if (taken.has(key)) return;
    taken.add(key);
    const article = snapshot.articles[p.article]!;
    out.push({
      id: `P${out.length + 1}`,
      article,
      paragraph: p.paragraph,
      text: article.paragraphs[p.paragraph - 1]!,
      sentences: (snapshot.paragraphPassages.get(key) ?? []).map((sid) => {
        const s = snapshot.passages[sid]!;
        return {
          start: s.start,
          end: s.end,
          speaker: s.speaker >= 0 ? snapshot.speakers.get(s.speaker).name : null,
          speakerRole: s.role,
        };
      }),
      score: ranked.length - rank,
    });
  });
  return out;
}
