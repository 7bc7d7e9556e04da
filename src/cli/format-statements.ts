import type { StatementSummary } from "../engine/engine.ts";

/** Longest sentence shown whole in the text view; `--json` always has the whole sentence. */
export const STATEMENT_TEXT_LIMIT = 120;

/** `text` on one line, cut at a word before `limit` characters with "…". */
export function trimSentence(text: string, limit = STATEMENT_TEXT_LIMIT): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= limit) return line;
  const cut = line.slice(0, limit - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "Sergey Lavrov (Foreign Minister)", "The Washington Post [organization]". */
function who(statement: StatementSummary): string {
  const role = statement.role ? ` (${statement.role})` : "";
  const kind = statement.kind === "person" ? "" : ` [${statement.kind}]`;
  return `${statement.speaker}${role}${kind}`;
}

/**
 * The speaker index as a moderator audits it: each article's attributed sentences in
 * order, one per line with paragraph, speaker, role and cue, then the sentence trimmed.
 */
export function formatStatements(statements: readonly StatementSummary[]): string {
  if (statements.length === 0) return "The index attributes no statements to anyone.";
  const byArticle = new Map<string, StatementSummary[]>();
  for (const s of statements) {
    const list = byArticle.get(s.articleId);
    if (list) list.push(s);
    else byArticle.set(s.articleId, [s]);
  }
  const blocks = [...byArticle].map(([articleId, list]) =>
    [
      `${articleId} · ${list.length} statement${list.length === 1 ? "" : "s"}`,
      ...list.map(
        (s) =>
          `  ¶${s.paragraph}.${s.sentence + 1}  ${who(s)} · ${s.cue || "no cue"}\n      ${trimSentence(s.text)}`,
      ),
    ].join("\n"),
  );
  const speakers = new Set(statements.map((s) => s.speaker)).size;
  const total = `${statements.length} statement${statements.length === 1 ? "" : "s"} by ${speakers} speaker${speakers === 1 ? "" : "s"} in ${byArticle.size} article${byArticle.size === 1 ? "" : "s"}`;
  return `${blocks.join("\n\n")}\n\n${total}`;
}
