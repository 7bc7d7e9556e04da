/** Discord's message and embed limits, in characters (developer docs, "Embed Limits"). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Titles, descriptions, field names and values, footer texts and author names together. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footerText: 2048,
  authorName: 256,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** The message options every reply carries: nobody is ever pinged by what the bot says. */
export const NO_MENTIONS = { parse: [] as [] };

/**
 * discord.js holds every request but the interaction callback to Discord's global limit
 * of 50 a second, so a burst of 200 questions had its answers edited in over 4 seconds.
 * Discord's rate-limit docs say interaction endpoints (the callback, and editing or
 * following up a response through the interaction's token) are not bound to the global
 * limit; nearly everything this bot sends is one of those. The few other requests (the
 * command check at start) are far below 50 a second, and a 429 is still waited out.
 */
export const GLOBAL_REQUESTS_PER_SECOND = 10_000;
