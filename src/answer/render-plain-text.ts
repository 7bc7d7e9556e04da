import type { Answer, Quote } from "./answer.ts";

/** "Yuri Ushakov (Russian presidential aide for foreign policy)" or "Unattributed". */
export function speakerLine(quote: Quote): string {
  if (!quote.speaker) return "From the article";
  return quote.speakerRole ? `${quote.speaker} (${quote.speakerRole})` : quote.speaker;
}

/** "UAWire · “Title” · 2024-10-31 · ¶13" */
export function sourceLine(quote: Quote): string {
  const { title, publisher, published, paragraph } = quote.source;
  return [publisher, `“${title}”`, published, `¶${paragraph}`].filter(Boolean).join(" · ");
}

/** A terminal rendering of quotes: who, the quote, the source line, the link. */
export function renderQuotesPlain(quotes: readonly Quote[]): string {
  return quotes
    .map(
      (q, i) => `${i + 1}. ${speakerLine(q)}:\n   ${q.text}\n   — ${sourceLine(q)}\n   ${q.link}`,
    )
    .join("\n\n");
}

/**
 * The whole answer as a terminal shows it, rendered from the quotes themselves (never from
 * a prepared string), with the model's own words first in LLM mode.
 */
export function renderAnswerPlain(answer: Answer): string {
  if (answer.status === "not_found") return answer.reason ?? answer.text;
  const more =
    answer.moreQuotes > 0
      ? `\n\n(${answer.moreQuotes} more quote${answer.moreQuotes === 1 ? "" : "s"}: ask "what else?")`
      : "";
  const intro = answer.mode === "llm" ? `${answer.text}\n\n` : "";
  // A line about the whole answer ("The articles are in English…").
  const note = answer.note && !intro.includes(answer.note) ? `${answer.note}\n\n` : "";
  return `${note}${intro}${renderQuotesPlain(answer.quotes)}${more}`;
}
