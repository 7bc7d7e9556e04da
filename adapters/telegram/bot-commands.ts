import type { BotCommand } from "grammy/types";

/** The command menu Telegram shows; set with setMyCommands at every start. */
export const BOT_COMMANDS: readonly BotCommand[] = [
  { command: "ask", description: "Ask a question about the news articles" },
  { command: "sources", description: "List the articles I quote, with links" },
  { command: "help", description: "What I know and how to ask" },
];
