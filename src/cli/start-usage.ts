/** `npm start -- --help`: what starts, and from which variables. */
export const START_USAGE = `Usage: npm start

Starts every chat face that is configured, from the environment or .env (see .env.example):
  TELEGRAM_BOT_TOKEN   the Telegram bot (docs/telegram.md)
  DISCORD_BOT_TOKEN    the Discord bot over the gateway (docs/discord.md); register its
                       slash commands once with npm run discord:register
  DISCORD_INTERACTIONS_PORT and DISCORD_PUBLIC_KEY
                       the Discord bot over HTTP instead: Discord POSTs each interaction
                       to this port (several instances behind a load balancer)
With neither, it answers questions typed here in the terminal.
Takes no options; -h, --help prints this text.`;

/**
 * What `npm start` says when no chat platform is configured. DISCORD_APPLICATION_ID is not
 * needed: the bot and discord:register read the application from the token.
 */
export function noPlatformBanner(corpus: string): string {
  return (
    "No chat platform is configured: set TELEGRAM_BOT_TOKEN to start the Telegram bot, " +
    "DISCORD_BOT_TOKEN for the Discord bot. See .env.example.\n" +
    `Answering here instead. ${corpus}\n` +
    'Type a question per line; "help" for how to ask, "sources" for the articles, "exit" or Ctrl-D to stop.\n'
  );
}

/** The exit code and text for `npm start`'s arguments, or null to start (there were none). */
export function startArguments(args: readonly string[]): {
  code: number;
  stdout?: string;
  stderr?: string;
} | null {
  if (args.length === 0) return null;
  if (args.includes("--help") || args.includes("-h"))
    return { code: 0, stdout: `${START_USAGE}\n` };
  const first = args[0]!;
  const problem = first.startsWith("-")
    ? `Unknown option ${first}.`
    : `Unexpected argument "${first}".`;
  return { code: 2, stderr: `${problem}\n\n${START_USAGE}\n` };
}
