import { type CorpusSnapshot, liveArticles } from "./corpus-snapshot.ts";

const NAMES_SHOWN = 12;

// A snapshot never changes, and every not-found answer describes it: compute once each.
const NAMES = new WeakMap<CorpusSnapshot, readonly string[]>();
const DESCRIPTIONS = new WeakMap<CorpusSnapshot, string>();

/** Speakers worth naming, most quoted first (unnamed sources left out). */
export function quotedNames(snapshot: CorpusSnapshot): string[] {
  let names = NAMES.get(snapshot);
  if (!names) {
    names = snapshot.speakers.all
      .filter((s) => s.kind !== "unnamed" && s.statements.length > 0)
      .sort((a, b) => b.statements.length - a.statements.length || a.id - b.id)
      .map((s) => s.name);
    NAMES.set(snapshot, names);
  }
  return [...names];
}

/** "I have 1 article: “…” (UAWire). It quotes Vladimir Putin, … and 3 others." */
export function describeCorpus(snapshot: CorpusSnapshot): string {
  let description = DESCRIPTIONS.get(snapshot);
  if (description === undefined) {
    description = describe(snapshot);
    DESCRIPTIONS.set(snapshot, description);
  }
  return description;
}

function describe(snapshot: CorpusSnapshot): string {
  const articles = liveArticles(snapshot);
  const listed = articles
    .slice(0, 3)
    .map((a) => `“${a.title}” (${a.publisher})`)
    .join("; ");
  const moreArticles = articles.length > 3 ? ` and ${articles.length - 3} more` : "";
  const names = quotedNames(snapshot);
  const shown = names.slice(0, NAMES_SHOWN).join(", ");
  const others = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} others` : "";
  const noun = articles.length === 1 ? "article" : "articles";
  const quotes = names.length > 0 ? ` They quote ${shown}${others}.` : "";
  return `I have ${articles.length} ${noun}: ${listed}${moreArticles}.${quotes}`;
}
