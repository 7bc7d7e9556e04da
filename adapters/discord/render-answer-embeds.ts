import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from "discord.js";
import { type Answer, alsoInLine, type Quote } from "../../src/index.ts";
import { answerButtons } from "./answer-buttons.ts";
import { cutAtBoundary, ELLIPSIS } from "./cut-at-boundary.ts";
import { DISCORD_LIMITS, NO_MENTIONS } from "./discord-limits.ts";
import { escapeDiscordMarkdown, maskedLinkTarget } from "./escape-discord-markdown.ts";

/** A message as discord.js takes it for reply, editReply and followUp. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: typeof NO_MENTIONS;
}

export interface RenderAnswerOptions {
  /** The id the answer is cached under; without one the reply carries no buttons. */
  answerId?: string;
  /** How many quotes earlier pages showed (0 for the first page). */
  offset?: number;
}

export const EMBED_COLOR = 0x3b6ea5;
/** The question is echoed so a channel sees what was asked; a long one is cut. */
const QUESTION_ECHO_LIMIT = 300;

const escapedLength = (s: string) => escapeDiscordMarkdown(s).length;

/**
 * Renders an Answer as one Discord message: one embed per quote (the quote as description,
 * the speaker as author, the article title linked to the quote's text fragment, and
 * "publisher · date · ¶n" as footer), within every Discord limit. Quotes too long for their
 * share of the 6,000-character message budget are cut at a sentence boundary with "…" and
 * a link to the whole quote. Not-found answers are a short plain reply.
 */
export function renderAnswerEmbeds(
  answer: Answer,
  options: RenderAnswerOptions = {},
): DiscordReply {
  const components = options.answerId ? answerButtons(options.answerId, answer.moreQuotes) : [];
  if (answer.status !== "answered" || answer.quotes.length === 0) {
    const content = fitEscaped(answer.reason ?? answer.text, DISCORD_LIMITS.content);
    return { content, embeds: [], components, allowedMentions: NO_MENTIONS };
  }
  const quotes = answer.quotes.slice(0, DISCORD_LIMITS.embedsPerMessage);
  return {
    content: answerContent(answer, options.offset ?? 0, quotes.length),
    embeds: quoteEmbeds(quotes),
    components,
    allowedMentions: NO_MENTIONS,
  };
}

function answerContent(answer: Answer, offset: number, shown: number): string {
  const question = fitEscaped(answer.question, QUESTION_ECHO_LIMIT);
  const head =
    offset === 0
      ? `**Question:** ${question}`
      : `**More quotes** (${offset + 1}–${offset + shown}) **for:** ${question}`;
  // In LLM mode the text is the model's short answer, shown with the first page only; in
  // extractive mode it only repeats the quotes the embeds already show.
  // A line about the whole answer ("The articles are in English…"), first page only.
  const noted = answer.note && offset === 0 ? `${head}\n${fitEscaped(answer.note, 300)}` : head;
  if (answer.mode !== "llm" || offset > 0 || answer.text.trim() === "") return noted;
  const room = DISCORD_LIMITS.content - noted.length - 2;
  return `${noted}\n\n${fitEscaped(answer.text, room)}`;
}

function quoteEmbeds(quotes: readonly Quote[]): APIEmbed[] {
  // Titles, authors and footers may each take at most a quarter of an embed's even share
  // of the message, so even ten embeds with long titles leave room for the quotes.
  const frameCap = Math.floor(DISCORD_LIMITS.embedTotal / quotes.length / 4);
  const frames = quotes.map((quote) => embedFrame(quote, frameCap));
  const fixed = frames.reduce((sum, frame) => sum + embedTextLength(frame), 0);
  const budgets = shareBudget(
    quotes.map((q) => escapedLength(q.text)),
    DISCORD_LIMITS.embedTotal - fixed,
    DISCORD_LIMITS.description,
  );
  return frames.map((frame, i) => ({
    ...frame,
    description: describeQuote(quotes[i] as Quote, budgets[i] as number),
  }));
}

/** Everything of a quote's embed except its description. */
function embedFrame(quote: Quote, cap: number): APIEmbed {
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: fitEscaped(quote.source.title, Math.min(cap, DISCORD_LIMITS.title)),
    footer: { text: footerText(quote, cap) },
  };
  if (URL.canParse(quote.link)) embed.url = quote.link;
  if (quote.speaker) {
    const role = quote.speakerRole ? ` · ${quote.speakerRole}` : "";
    // Author names and footers are plain text in Discord: no markdown, no mentions, so
    // they are cut, not escaped.
    const name = fitPlain(`${quote.speaker}${role}`, Math.min(cap, DISCORD_LIMITS.authorName));
    embed.author = { name };
  }
  return embed;
}

function footerText(quote: Quote, cap: number): string {
  const { publisher, published, paragraph } = quote.source;
  const also = alsoInLine(quote);
  const tail = `${published ? ` · ${published}` : ""} · ¶${paragraph}${also ? ` · ${also}` : ""}`;
  return `${fitPlain(publisher, Math.min(cap, DISCORD_LIMITS.footerText) - tail.length)}${tail}`;
}

function describeQuote(quote: Quote, budget: number): string {
  const whole = escapeDiscordMarkdown(quote.text);
  if (whole.length <= budget) return whole;
  const more = URL.canParse(quote.link)
    ? ` ${ELLIPSIS} [whole quote](${maskedLinkTarget(quote.link)})`
    : ` ${ELLIPSIS}`;
  const kept = cutAtBoundary(quote.text, Math.max(0, budget - more.length), escapedLength);
  return `${escapeDiscordMarkdown(kept)}${more}`;
}

/**
 * Splits `total` among items that need `needs[i]`, none above `cap`: items that need less
 * than an even share get what they need, the rest share what is left evenly.
 */
export function shareBudget(needs: readonly number[], total: number, cap: number): number[] {
  const budgets = needs.map(() => 0);
  const order = needs.map((need, i) => ({ need: Math.min(need, cap), i }));
  order.sort((a, b) => a.need - b.need);
  let left = Math.max(0, total);
  order.forEach(({ need, i }, k) => {
    const share = Math.floor(left / (order.length - k));
    budgets[i] = Math.min(need, share);
    left -= budgets[i] as number;
  });
  return budgets;
}

/** What Discord counts toward an embed's share of the 6,000 characters. */
export function embedTextLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Escaped `text`, cut at a boundary with " …" so the escaped result fits `limit`. */
export function fitEscaped(text: string, limit: number): string {
  if (escapedLength(text) <= limit) return escapeDiscordMarkdown(text);
  const suffix = ` ${ELLIPSIS}`;
  return `${escapeDiscordMarkdown(cutAtBoundary(text, limit - suffix.length, escapedLength))}${suffix}`;
}

/** Plain `text` (author names, footers, choice names), cut with " …" to fit `limit`. */
export function fitPlain(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const suffix = ` ${ELLIPSIS}`;
  return `${cutAtBoundary(text, limit - suffix.length)}${suffix}`;
}
