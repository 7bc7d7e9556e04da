import type { APIEmbed } from "discord.js";
import { DISCORD_LIMITS } from "../../adapters/discord/discord-limits.ts";
import { ZERO_WIDTH_SPACE } from "../../adapters/discord/escape-discord-markdown.ts";
import type { DiscordReply } from "../../adapters/discord/render-answer-embeds.ts";

/**
 * Checks on a Discord message as it goes over the wire (the JSON body of an interaction
 * callback, a webhook edit or a followup), shared by the renderer contract and the
 * end-to-end tests against the fake Discord.
 */
export interface WireMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: { type: number; components: { custom_id?: string; label?: string }[] }[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  flags?: number;
}

/** A rendered reply as discord.js sends it: `allowedMentions` becomes `allowed_mentions`. */
export function toWire(reply: DiscordReply): WireMessage {
  const { allowedMentions, ...rest } = reply;
  return { ...rest, allowed_mentions: allowedMentions };
}

/** The renderer's own markup, which is not from the input: bold labels and the "whole quote" link. */
const OWN_CONTENT_PREFIX = /^\*\*(Question:|More quotes)\*\*( \(\d+–\d+\) \*\*for:\*\*)? /;
const OWN_DESCRIPTION_SUFFIX = / … \[whole quote\]\([^()\s<>]+\)$/;

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([^A-Za-z0-9\s])/g, "$1").replaceAll(ZERO_WIDTH_SPACE, "");
}

function visibleMarkdown(text: string): string {
  return unescapeMarkdown(
    text.replace(/(?<!\\)\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/(?<!\\)\*\*/g, ""),
  );
}

/** What a person sees: markup removed, escapes undone; author and footer are plain text. */
export function visibleText(message: WireMessage): string {
  const parts: string[] = [];
  if (message.content) parts.push(visibleMarkdown(message.content));
  for (const embed of message.embeds ?? []) {
    if (embed.author) parts.push(embed.author.name);
    if (embed.title) parts.push(visibleMarkdown(embed.title));
    if (embed.description) parts.push(visibleMarkdown(embed.description));
    for (const field of embed.fields ?? []) {
      parts.push(visibleMarkdown(field.name), visibleMarkdown(field.value));
    }
    if (embed.footer) parts.push(embed.footer.text);
  }
  return parts.join("\n");
}

export function links(message: WireMessage): string[] {
  const found: string[] = [];
  const inText = (text: string) => {
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) found.push(m[1] as string);
  };
  if (message.content) inText(message.content);
  for (const embed of message.embeds ?? []) {
    if (embed.url) found.push(embed.url);
    if (embed.description) inText(embed.description);
  }
  return found;
}

export function limitViolations(message: WireMessage): string[] {
  const out: string[] = [];
  const over = (what: string, length: number, limit: number) => {
    if (length > limit) out.push(`${what}: ${length} > ${limit}`);
  };
  over("content", message.content?.length ?? 0, DISCORD_LIMITS.content);
  const embeds = message.embeds ?? [];
  over("embeds", embeds.length, DISCORD_LIMITS.embedsPerMessage);
  let total = 0;
  embeds.forEach((embed, i) => {
    over(`embed ${i} title`, embed.title?.length ?? 0, DISCORD_LIMITS.title);
    over(`embed ${i} description`, embed.description?.length ?? 0, DISCORD_LIMITS.description);
    over(`embed ${i} author`, embed.author?.name.length ?? 0, DISCORD_LIMITS.authorName);
    over(`embed ${i} footer`, embed.footer?.text.length ?? 0, DISCORD_LIMITS.footerText);
    over(`embed ${i} fields`, embed.fields?.length ?? 0, DISCORD_LIMITS.fields);
    for (const field of embed.fields ?? []) {
      over(`embed ${i} field name`, field.name.length, DISCORD_LIMITS.fieldName);
      over(`embed ${i} field value`, field.value.length, DISCORD_LIMITS.fieldValue);
    }
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.author?.name.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  });
  over("embeds total", total, DISCORD_LIMITS.embedTotal);
  const rows = message.components ?? [];
  over("action rows", rows.length, 5);
  for (const row of rows) {
    over("buttons in a row", row.components.length, 5);
    for (const button of row.components) {
      over("custom_id", button.custom_id?.length ?? 0, DISCORD_LIMITS.customId);
      over("button label", button.label?.length ?? 0, DISCORD_LIMITS.buttonLabel);
    }
  }
  return out;
}

/** Markdown specials left unescaped in text Discord renders, and mentions that could ping. */
export function markupViolations(message: WireMessage): string[] {
  const out: string[] = [];
  const mentions = message.allowed_mentions;
  if (!mentions || (mentions.parse ?? ["missing"]).length > 0 || mentions.users?.length) {
    out.push(`allowed_mentions must be { parse: [] }, got ${JSON.stringify(mentions)}`);
  }
  const check = (where: string, text: string) => {
    for (const problem of unescapedSpecials(text)) out.push(`${where}: ${problem}`);
  };
  if (message.content) check("content", message.content.replace(OWN_CONTENT_PREFIX, ""));
  (message.embeds ?? []).forEach((embed, i) => {
    if (embed.title) check(`embed ${i} title`, embed.title);
    if (embed.description) {
      check(`embed ${i} description`, embed.description.replace(OWN_DESCRIPTION_SUFFIX, ""));
    }
  });
  return out;
}

function unescapedSpecials(text: string): string[] {
  const out: string[] = [];
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\") {
      i++;
      lineStart = false;
      continue;
    }
    if ("*_~`|<[]".includes(c)) out.push(`unescaped ${c} at ${i}: ${text.slice(i - 10, i + 10)}`);
    if (lineStart && ">#-".includes(c)) out.push(`unescaped ${c} at a line start`);
    if (lineStart && /^\d+\.\s/.test(text.slice(i))) out.push(`unescaped list number at ${i}`);
    if (c === "\n") lineStart = true;
    else if (c !== " " && c !== "\t") lineStart = false;
  }
  for (const m of text.matchAll(/@(everyone|here)/gi)) out.push(`mass mention ${m[0]}`);
  return out;
}
