import { type Answer, alsoInLine, type Quote } from "../../src/index.ts";
import { escapeHtml } from "./escape-html.ts";
import {
  packMessages,
  plainMessage,
  TELEGRAM_MESSAGE_LIMIT,
  type TelegramMessage,
} from "./telegram-message.ts";

/** Quotes longer than this are shown collapsed (Telegram's expandable blockquote). */
export const EXPANDABLE_QUOTE_CHARS = 300;
/** Room kept for the blockquote tags, the continuation marks and the separators. */
const MARKUP_ALLOWANCE = 80;
const CONTINUED = "…";
const NOTHING_FOUND = "I found nothing to quote on that in the articles I have.";

/** "— Yuri Ushakov, Russian presidential aide" (plain) or null without a speaker. */
function speakerLine(quote: Quote): TelegramMessage | null {
  if (quote.speaker === null) return null;
  const role = quote.speakerRole ? `, ${quote.speakerRole}` : "";
  return {
    html: `— <b>${escapeHtml(quote.speaker)}</b>${quote.speakerRole ? `, <i>${escapeHtml(quote.speakerRole)}</i>` : ""}`,
    plain: `— ${quote.speaker}${role}`,
  };
}

/** Title (linked to the quote itself), publisher, date, paragraph. */
function citation(quote: Quote): TelegramMessage {
  const { title, publisher, published, paragraph } = quote.source;
  const rest = [publisher, published, `¶${paragraph}`, alsoInLine(quote) || null].filter(
    (part) => part !== null,
  );
  const restText = rest.map((part) => ` · ${part}`).join("");
  return {
    html: `<a href="${escapeHtml(quote.link)}">${escapeHtml(title)}</a>${escapeHtml(restText)}`,
    plain: `${title}${restText}\n${quote.link}`,
  };
}

function blockquote(text: string): string {
  const open = text.length > EXPANDABLE_QUOTE_CHARS ? "<blockquote expandable>" : "<blockquote>";
  return `${open}${escapeHtml(text)}</blockquote>`;
}

/**
 * Cuts `text` into consecutive pieces whose escaped form fits `budget`, breaking at
 * whitespace where it can. The pieces concatenate back to `text` exactly.
 */
export function splitQuoteText(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (escapeHtml(rest).length > budget) {
    let end = 0;
    let escaped = 0;
    let lastSpace = -1;
    while (end < rest.length) {
      const char = rest[end] ?? "";
      const size = escapeHtml(char).length;
      if (escaped + size > budget) break;
      escaped += size;
      if (/\s/.test(char)) lastSpace = end;
      end += 1;
    }
    // Break before the last whitespace (it starts the next piece) unless that leaves
    // too little: a single enormous word is cut where it must be.
    const cut = lastSpace > budget / 2 ? lastSpace : Math.max(1, end);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

function quoteParts(quote: Quote, limit: number) {
  const tail = [speakerLine(quote), citation(quote)].filter((line) => line !== null);
  const tailHtml = tail.map((line) => line.html).join("\n");
  const tailPlain = tail.map((line) => line.plain).join("\n");
  const budget = limit - Math.max(tailHtml.length, tailPlain.length) - MARKUP_ALLOWANCE;
  return { pieces: splitQuoteText(quote.text, Math.max(budget, 200)), tailHtml, tailPlain };
}

/**
 * One quote as blocks: the quote, its speaker and citation. A quote too long for one
 * message (rare: one sentence of several thousand characters) is continued across
 * blocks, each piece marked with "…", the last carrying the citation: still verbatim.
 */
export function renderQuoteBlocks(quote: Quote, limit = TELEGRAM_MESSAGE_LIMIT): TelegramMessage[] {
  const { pieces, tailHtml, tailPlain } = quoteParts(quote, limit);
  return pieces.map((piece, index) => {
    const first = index === 0;
    const last = index === pieces.length - 1;
    const body = first ? piece : piece.trimStart();
    const shown = `${first ? "" : `${CONTINUED} `}${last ? body : body.trimEnd()}${last ? "" : ` ${CONTINUED}`}`;
    const html = blockquote(shown);
    return last
      ? { html: `${html}\n${tailHtml}`, plain: `${shown}\n${tailPlain}` }
      : { html, plain: shown };
  });
}

/**
 * One quote as exactly one message (what an inline result sends): a quote too long for
 * it is cut at a word with "…"; its link leads to the whole of it.
 */
export function renderQuoteMessage(quote: Quote, limit = TELEGRAM_MESSAGE_LIMIT): TelegramMessage {
  const { pieces, tailHtml, tailPlain } = quoteParts(quote, limit);
  const first = pieces[0] ?? "";
  const shown = pieces.length > 1 ? `${first.trimEnd()} ${CONTINUED}` : first;
  return { html: `${blockquote(shown)}\n${tailHtml}`, plain: `${shown}\n${tailPlain}` };
}

/**
 * An Answer as Telegram messages in HTML parse mode, each with its plain-text twin.
 * Messages break only between quotes, so each stays under 4,096 characters.
 */
export function renderAnswerHtml(
  answer: Answer,
  limit = TELEGRAM_MESSAGE_LIMIT,
): TelegramMessage[] {
  if (answer.status === "not_found" || answer.quotes.length === 0) {
    // Telegram refuses an empty message; an engine with nothing to say still gets words.
    const words = (answer.reason ?? answer.text).trim() || NOTHING_FOUND;
    return packMessages(splitQuoteText(words, limit - MARKUP_ALLOWANCE).map(plainMessage), limit);
  }
  const blocks: TelegramMessage[] = [];
  // A line about the whole answer ("The articles are in English…").
  if (answer.note) blocks.push(plainMessage(answer.note));
  // In LLM mode `text` is the model's short answer; in extractive mode it only repeats
  // the quotes for terminals, so it is not shown twice.
  if (answer.mode === "llm" && answer.text.trim() !== "") {
    for (const piece of splitQuoteText(answer.text.trim(), limit - MARKUP_ALLOWANCE)) {
      blocks.push(plainMessage(piece));
    }
  }
  for (const quote of answer.quotes) blocks.push(...renderQuoteBlocks(quote, limit));
  if (answer.moreQuotes > 0) {
    const more =
      answer.moreQuotes === 1 ? "1 more quote matches" : `${answer.moreQuotes} more quotes match`;
    // The engine pages through one person's quotes given the follow-up context; for a
    // topic there is no "he" to follow up on.
    const how =
      answer.speaker !== null ? "ask “what else?” to see them" : "ask a narrower question";
    const footer = plainMessage(`${more}: ${how}.`);
    blocks.push({ ...footer, html: `<i>${footer.html}</i>` });
  }
  return packMessages(blocks, limit);
}
