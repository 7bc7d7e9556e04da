import { words } from "../text/analyze.ts";
import { type CorpusSnapshot, passageText } from "./corpus-snapshot.ts";

/** Shingles shared for two sentences to be one statement told twice (Jaccard). */
export const SAME_STATEMENT = 0.5;
/** Words a shingle spans. */
const SHINGLE = 3;
/** Ranked passages looked at beyond the ones shown, for retellings of those. */
const LOOKAHEAD = 12;

function shingles(text: string): Set<string> {
  const ws = words(text);
  const out = new Set<string>();
  // SHINGLE words joined by a space, without an array per shingle.
  for (let i = 0; i + SHINGLE <= ws.length; i++) out.add(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`);
  if (out.size === 0 && ws.length > 0) out.add(ws.join(" "));
  return out;
}

/** The words inside quotation marks: the statement itself, however outlets frame it. */
function quoted(text: string): string {
  return [...text.matchAll(/[“"«„]([^”"»“]{12,})[”"»“]/gu)].map((m) => m[1]).join(" ");
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

export interface Retelling {
  /** The passage to show: the fullest wording of the statement. */
  id: number;
  /** The same statement in other articles, to cite as "also in". */
  others: number[];
}

/**
 * Groups the first ranked passages that tell one statement in several articles (word
 * 3-gram Jaccard ≥ SAME_STATEMENT): each group shows once, at its best rank, in its
 * longest wording, with the other articles listed. Passages of one article are never
 * grouped: an article repeating itself is not a second source. Two sentences that
 * frame one quotation differently ("…," X said / X told reporters "…") are compared by
 * the quoted words alone.
 */
export function groupRetellings(
  snapshot: CorpusSnapshot,
  ranked: readonly number[],
  shown: number,
): Retelling[] {
  const window = shown + LOOKAHEAD;
  const head = ranked.slice(0, window);
  const text = (id: number) => passageText(snapshot, id);
  const sets = head.map((id) => shingles(text(id)));
  const quotes = head.map((id) => shingles(quoted(text(id))));
  const same = (a: number, b: number) =>
    jaccard(sets[a]!, sets[b]!) >= SAME_STATEMENT ||
    (quotes[a]!.size >= 2 &&
      quotes[b]!.size >= 2 &&
      jaccard(quotes[a]!, quotes[b]!) >= SAME_STATEMENT);
  const groups: { members: number[] }[] = [];
  const groupOf = new Map<number, number>();
  head.forEach((id, i) => {
    const article = snapshot.passages[id]!.article;
    for (let g = 0; g < groups.length; g++) {
      const members = groups[g]!.members;
      if (members.some((m) => snapshot.passages[head[m]!]!.article === article)) continue;
      if (members.some((m) => same(m, i))) {
        members.push(i);
        groupOf.set(i, g);
        return;
      }
    }
    groupOf.set(i, groups.length);
    groups.push({ members: [i] });
  });
  const out: Retelling[] = groups.map(({ members }) => {
    const ids = members.map((m) => head[m]!);
    const fullest = ids.reduce((a, b) => (text(b).length > text(a).length ? b : a));
    return { id: fullest, others: ids.filter((x) => x !== fullest) };
  });
  for (const id of ranked.slice(window)) out.push({ id, others: [] });
  return out;
}
