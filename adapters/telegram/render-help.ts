import type { Engine } from "../../src/index.ts";
import { escapeHtml } from "./escape-html.ts";
import { packMessages, type TelegramMessage } from "./telegram-message.ts";

function surname(name: string): string {
  return name.split(/\s+/).pop() ?? name;
}

/** An example question about someone the corpus really quotes. */
export function exampleQuestion(engine: Engine): string {
  const person = engine.speakers().find((speaker) => speaker.kind === "person");
  return person ? `What did ${surname(person.name)} say?` : "What do the articles say?";
}

/** /start and /help: what the bot does, what its corpus covers, how to ask, an example. */
export function renderHelp(engine: Engine, botUsername: string): TelegramMessage[] {
  const example = exampleQuestion(engine);
  const bot = `@${botUsername}`;
  const intro = [
    "I answer questions about news articles with exact quotes: every quote is copied character for character from its article, with a link to the paragraph it comes from. When the articles don't say, I tell you so.",
  ];
  // The engine's own summary names the articles and the people they quote, so it stays
  // true as the corpus grows.
  const corpus = [engine.describeCorpus(), "/sources lists the articles with links."];
  const howTo = [
    "• In a private chat with me, just write your question.",
    `• In a group: /ask followed by the question, mention ${bot}, or reply to one of my answers.`,
    `• In any chat: type ${bot} and a question, then pick a quote to send.`,
    "• After an answer, ask “what else did he say?” to hear more from the same person.",
  ];
  const block = (title: string, lines: string[]): TelegramMessage => ({
    html: `<b>${escapeHtml(title)}</b>\n${lines.map(escapeHtml).join("\n")}`,
    plain: `${title}\n${lines.join("\n")}`,
  });
  return packMessages([
    block("What I do", intro),
    block("What I know", corpus),
    block("How to ask", howTo),
    block("Example", [`/ask ${example}`]),
  ]);
}

/** The extra /help block a moderator sees. */
export function renderModeratorHelp(): TelegramMessage {
  const lines = [
    "• /add <url>: add a web page, or every item of an RSS/Atom feed (the feed is kept and re-read).",
    "• /remove <id>: remove an added article, or a source with its articles.",
    "• /refresh: re-read the corpus folder and every source.",
    "• /sources also lists what was added, with the ids /remove takes.",
  ];
  return {
    html: `<b>For moderators</b>\n${lines.map(escapeHtml).join("\n")}`,
    plain: `For moderators\n${lines.join("\n")}`,
  };
}
