import { words } from "../text/analyze.ts";
import { type CorpusSnapshot, passageText } from "./corpus-snapshot.ts";

/** Shingles shared for two sentences to be one statement told twice (Jaccard). */
export const SAME_STATEMENT = 0.5;
/** Words a shingle spans. */
const SHINGLE = 3;
/** Ranked passages looked at beyond the ones shown, for retellings of those. */
const LOOKAHEAD = 12;

/** Distinct words a window may hold for a shingle of three word numbers to be one exact number. */
const WORD_NUMBERS = 2 ** 17;

/**
 * The SHINGLE-word runs of each text, as numbers: each distinct word is numbered, and a
 * run of three numbers below 2^17 is one number below 2^51, exact in a double. A set of
 * numbers costs a fraction of a set of joined strings (which were a tenth of every
 * question's allocations). A window past 2^17 distinct words keys runs by their numbers
 * joined instead.
 */
function shingleSets(texts: readonly string[]): Set<number | string>[] {
  const numbers = new Map<string, number>();
  const numbered = texts.map((text) =>
    words(text).map((w) => {
      let n = numbers.get(w);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(w, n);
      }
      return n;
    }),
  );
  const exact = numbers.size <= WORD_NUMBERS;
  return numbered.map((ns) => {
    const out = new Set<number | string>();
    for (let i = 0; i + SHINGLE <= ns.length; i++) {
      out.add(
        exact
          ? (ns[i]! * WORD_NUMBERS + ns[i + 1]!) * WORD_NUMBERS + ns[i + 2]!
          : `${ns[i]} ${ns[i + 1]} ${ns[i + 2]}`,
      );
    }
    // A text shorter than a shingle is one run of all its words.
    if (out.size === 0 && ns.length > 0) out.add(ns.join(" "));
    return out;
  });
}

/** The words inside quotation marks: the statement itself, however outlets frame it. */
function quoted(text: string): string {
  return [...text.matchAll(/[“"«„]([^”"»“]{12,})[”"»“]/gu)].map((m) => m[1]).join(" ");
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

export interface Retellings {
  /** The first groups, as many as the page asked for (`shown`) when there are. */
  groups: Retelling[];
  /** How many groups every ranked passage makes: what "more" can still show. */
  count: number;
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
): Retellings {
  const window = shown + LOOKAHEAD;
  const head = ranked.slice(0, window);
  const text = (id: number) => passageText(snapshot, id);
  const texts = head.map(text);
  const all = shingleSets([...texts, ...texts.map(quoted)]);
  const sets = all.slice(0, head.length);
  const quotes = all.slice(head.length);
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
  // Past the window each passage stands alone: made only as far as the page needs (a role
  // can rank thousands).
  const count = out.length + Math.max(0, ranked.length - window);
  for (let i = window; i < ranked.length && out.length < shown; i++)
    out.push({ id: ranked[i]!, others: [] });
  return { groups: out, count };
}
