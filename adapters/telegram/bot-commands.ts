import type { BotCommand } from "grammy/types";

/** The command menu Telegram shows; set with setMyCommands at every start. */
export const BOT_COMMANDS: readonly BotCommand[] = [
  { command: "ask", description: "Ask a question about the news articles" },
  { command: "sources", description: "List the articles I quote, with links" },
  { command: "help", description: "What I know and how to ask" },
];

/** Added to the menu of each moderator's private chat with the bot (a chat-scoped menu). */
export const MODERATOR_COMMANDS: readonly BotCommand[] = [
  { command: "add", description: "Moderators: add a web page or an RSS/Atom feed" },
  { command: "remove", description: "Moderators: remove an added article or a source" },
  { command: "refresh", description: "Moderators: re-read every source" },
];
