import type { Answer, Quote } from "./answer.ts";

/** "Yuri Ushakov (Russian presidential aide for foreign policy)" or "Unattributed". */
export function speakerLine(quote: Quote): string {
  if (!quote.speaker) return "From the article";
  return quote.speakerRole ? `${quote.speaker} (${quote.speakerRole})` : quote.speaker;
}

/** "UAWire · “Title” · 2024-10-31 · ¶13" */
export function sourceLine(quote: Quote): string {
  const { title, publisher, published, paragraph } = quote.source;
  return [publisher, `“${title}”`, published, `¶${paragraph}`, alsoInLine(quote)]
    .filter(Boolean)
    .join(" · ");
}

const ALSO_SHOWN = 4;

/** "also reported by Reuters, The Ledger", or "" when no other outlet carries it. */
export function alsoInLine(quote: Quote): string {
  const publishers = [...new Set((quote.alsoIn ?? []).map((s) => s.publisher))].filter(
    (p) => p !== quote.source.publisher,
  );
  const more = (quote.alsoIn ?? []).length > 0 && publishers.length === 0;
  if (publishers.length === 0) return more ? "also in other articles of the same outlet" : "";
  const shown = publishers.slice(0, ALSO_SHOWN).join(", ");
  const others =
    publishers.length > ALSO_SHOWN ? ` and ${publishers.length - ALSO_SHOWN} more` : "";
  return `also reported by ${shown}${others}`;
}

/** A terminal rendering of quotes: who, the quote, the source line, the link. */
export function renderQuotesPlain(quotes: readonly Quote[]): string {
  return quotes
    .map(
      (q, i) => `${i + 1}. ${speakerLine(q)}:\n   ${q.text}\n   — ${sourceLine(q)}\n   ${q.link}`,
    )
    .join("\n\n");
}

export interface PlainRenderOptions {
  /**
   * The face remembers the last answer's speaker and quotes (the terminal chat), so
   * "what else?" pages through them. A one-shot command cannot, and must not offer it.
   */
  followUps?: boolean;
}

/** The line under an answer that has more quotes than it shows: how to see them. */
function moreQuotesHint(answer: Answer, followUps: boolean): string {
  if (answer.moreQuotes === 0) return "";
  const count = `${answer.moreQuotes} more quote${answer.moreQuotes === 1 ? "" : "s"}`;
  // Follow-ups page through one person's quotes; a topic has no "he" to follow.
  const how = followUps && answer.speaker !== null ? `ask "what else?"` : "ask a narrower question";
  return `\n\n(${count}: ${how})`;
}

/**
 * The whole answer as a terminal shows it, rendered from the quotes themselves (never from
 * a prepared string), with the model's own words first in LLM mode.
 */
export function renderAnswerPlain(answer: Answer, options: PlainRenderOptions = {}): string {
  if (answer.status === "not_found") return answer.reason ?? answer.text;
  const intro = answer.mode === "llm" ? `${answer.text}\n\n` : "";
  // A line about the whole answer ("The articles are in English…").
  const note = answer.note && !intro.includes(answer.note) ? `${answer.note}\n\n` : "";
  return `${note}${intro}${renderQuotesPlain(answer.quotes)}${moreQuotesHint(answer, options.followUps ?? false)}`;
}
