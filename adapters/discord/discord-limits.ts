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
