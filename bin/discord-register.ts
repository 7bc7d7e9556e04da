/**
 * `npm run discord:register`: registers the Discord slash commands (see docs/discord.md).
 */
import { runDiscordRegister } from "../adapters/discord/run-discord-register.ts";
import { readEnvironment } from "../src/index.ts";

process.exitCode = await runDiscordRegister(process.argv.slice(2), {
  env: readEnvironment(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
