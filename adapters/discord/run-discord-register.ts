import { DiscordAPIError } from "discord.js";
import { AppError, EngineConfigSchema, parseConfig } from "../../src/index.ts";
import { DiscordConfigSchema } from "./discord-config.ts";
import { inviteUrl } from "./invite-url.ts";
import { registerCommands } from "./register-commands.ts";

export interface RegisterIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: npm run discord:register [-- --global] [-- --clear]

Registers the bot's slash commands with Discord: /ask, /quotes, /sources, /help, and
the moderators' /add, /remove, /refresh (servers only, Manage Server by default).
With DISCORD_GUILD_ID set they go to that server only and update at once (for
development); otherwise, or with --global, to every server and DM (may take a while
to show). --clear removes the commands from that place instead (e.g. a development
server's copies, which would otherwise show beside the global ones).
Reads DISCORD_BOT_TOKEN, DISCORD_APPLICATION_ID (optional), DISCORD_GUILD_ID,
DISCORD_API_BASE and MAX_QUESTION_LENGTH from the environment or .env.`;

const FLAGS = new Set(["--global", "--clear"]);

/** `npm run discord:register`: returns the exit code (0 done, 1 Discord refused, 2 bad config or usage). */
export async function runDiscordRegister(args: readonly string[], io: RegisterIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(USAGE);
    return 0;
  }
  const unknown = args.filter((arg) => !FLAGS.has(arg));
  if (unknown.length > 0) {
    const first = unknown[0]!;
    io.err(
      `${first.startsWith("-") ? `Unknown option ${first}.` : `Unexpected argument "${first}".`}\n\n${USAGE}`,
    );
    return 2;
  }
  try {
    const engine = parseConfig(EngineConfigSchema, io.env);
    const config = parseConfig(DiscordConfigSchema, io.env);
    const result = await registerCommands({
      config,
      maxQuestionLength: engine.MAX_QUESTION_LENGTH,
      global: args.includes("--global"),
      clear: args.includes("--clear"),
    });
    if (args.includes("--clear")) {
      const where = result.scope === "global" ? "global commands" : `server ${result.scope}`;
      io.out(`Removed the bot's commands from ${where}.`);
      return 0;
    }
    const where = result.scope === "global" ? "globally" : `to server ${result.scope}`;
    io.out(`Registered ${result.names.map((n) => `/${n}`).join(", ")} ${where}.`);
    if (result.scope === "global") {
      io.out("Global commands can take a while to appear in every server.");
    }
    io.out(`Invite the bot with: ${inviteUrl(result.applicationId)}`);
    return 0;
  } catch (error) {
    io.err(explainRegisterFailure(error));
    return error instanceof AppError ? 2 : 1;
  }
}

function explainRegisterFailure(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) {
      return "Discord rejected DISCORD_BOT_TOKEN (401). Copy the token again from the Developer Portal (your application → Bot → Reset Token).";
    }
    if (error.status === 403 || error.code === 50001) {
      return "Discord refused access (403 Missing Access): with DISCORD_GUILD_ID set, invite the bot to that server first (see the invite link in docs/discord.md); also check that DISCORD_APPLICATION_ID belongs to DISCORD_BOT_TOKEN.";
    }
    return `Discord refused the commands (${error.status}, code ${error.code}): ${error.message}`;
  }
  return `Could not register commands: ${error instanceof Error ? error.message : String(error)}`;
}
