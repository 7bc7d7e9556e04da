import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordConfigSchema } from "../../adapters/discord/discord-config.ts";
import { runDiscordRegister } from "../../adapters/discord/run-discord-register.ts";
import { startDiscord } from "../../adapters/discord/start-discord.ts";
import { parseConfig } from "../../src/index.ts";
import { FakeDiscord, GUILD_ID } from "../fakes/fake-discord.ts";
import { loadRealEngine } from "./real-engine.ts";
import { createRecordingLogger } from "./recording-logger.ts";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

async function register(env: Record<string, string>, args: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDiscordRegister(args, {
    env: { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, ...env },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

type Command = {
  name: string;
  description: string;
  contexts: number[];
  integration_types: number[];
  default_member_permissions?: string | null;
  options?: {
    name: string;
    type: number;
    required: boolean;
    max_length?: number;
    autocomplete?: boolean;
  }[];
};

describe("npm run discord:register", () => {
  it("registers the seven commands globally with the configured limits; the moderators' for servers only", async () => {
    const result = await register({
      DISCORD_APPLICATION_ID: fake.applicationId,
      MAX_QUESTION_LENGTH: "500",
    });
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain(
      "Registered /ask, /quotes, /sources, /help, /add, /remove, /refresh globally.",
    );
    expect(result.out).toContain(
      `https://discord.com/oauth2/authorize?client_id=${fake.applicationId}&scope=bot+applications.commands&permissions=0`,
    );
    const put = fake.requests.filter((r) => r.method === "PUT").at(-1);
    expect(put?.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(put?.authorization).toBe(`Bot ${fake.token}`);
    const commands = put?.body as Command[];
    expect(commands.map((c) => c.name)).toEqual([
      "ask",
      "quotes",
      "sources",
      "help",
      "add",
      "remove",
      "refresh",
    ]);
    for (const command of commands) {
      const moderator = ["add", "remove", "refresh"].includes(command.name);
      // A DM has no member whose permissions or roles could be checked.
      expect(command.contexts).toEqual(moderator ? [0] : [0, 1]);
      expect(command.default_member_permissions ?? null).toBe(moderator ? "32" : null);
      expect(command.integration_types).toEqual([0]);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
    }
    const [ask, quotes] = commands;
    expect(ask?.options).toEqual([
      expect.objectContaining({ name: "question", type: 3, required: true, max_length: 500 }),
    ]);
    expect(quotes?.options).toEqual([
      expect.objectContaining({ name: "person", type: 3, required: true, autocomplete: true }),
    ]);
  });

  it("registers to DISCORD_GUILD_ID for instant updates, unless --global", async () => {
    const guild = await register({ DISCORD_GUILD_ID: GUILD_ID });
    expect(guild.code).toBe(0);
    expect(guild.out).toContain(`to server ${GUILD_ID}`);
    expect(fake.commands.get(GUILD_ID)?.length).toBe(7);

    const before = fake.requests.length;
    const global = await register({ DISCORD_GUILD_ID: GUILD_ID }, ["--global"]);
    expect(global.out).toContain("globally");
    const puts = fake.requests.slice(before).filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.path)).toEqual([`/applications/${fake.applicationId}/commands`]);
  });

  it("--clear removes the commands from the server, so they do not show twice", async () => {
    await register({ DISCORD_GUILD_ID: GUILD_ID });
    expect(fake.commands.get(GUILD_ID)?.length).toBe(7);
    const cleared = await register({ DISCORD_GUILD_ID: GUILD_ID }, ["--clear"]);
    expect(cleared.out).toContain(`Removed the bot's commands from server ${GUILD_ID}.`);
    expect(fake.requests.at(-1)?.body).toEqual([]);
    expect(fake.commands.get(GUILD_ID)).toEqual([]);
  });

  it("finds the application id from the token when DISCORD_APPLICATION_ID is not set", async () => {
    const before = fake.requests.length;
    const result = await register({});
    expect(result.code).toBe(0);
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /applications/@me",
      `PUT /applications/${fake.applicationId}/commands`,
    ]);
  });

  it("explains a rejected token, a missing token and bad arguments", async () => {
    const rejected = await register({
      DISCORD_BOT_TOKEN: "not-the-token-not-the-token-not",
      DISCORD_APPLICATION_ID: fake.applicationId,
    });
    expect(rejected.code).toBe(1);
    expect(rejected.err).toContain("Discord rejected DISCORD_BOT_TOKEN");
    expect(rejected.err).not.toContain("not-the-token");

    const missing = await register({ DISCORD_BOT_TOKEN: "" });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("DISCORD_BOT_TOKEN is not set");

    const usage = await register({}, ["--everywhere"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("Usage: npm run discord:register");
  });

  it("refuses another application's id with a hint", async () => {
    const result = await register({ DISCORD_APPLICATION_ID: "1999999999999999999" });
    expect(result.code).toBe(1);
    expect(result.err).toContain("DISCORD_APPLICATION_ID belongs to DISCORD_BOT_TOKEN");
  });
});

describe("start-up hint", () => {
  it("warns when the commands are not registered, and is quiet once they are", async () => {
    const engine = await loadRealEngine();
    const start = async (guild: string) => {
      const logs = createRecordingLogger();
      const face = await startDiscord({
        engine,
        logger: logs,
        feedback: { vote: async () => "recorded", votesFor: async () => ({ up: 0, down: 0 }) },
        config: parseConfig(DiscordConfigSchema, {
          DISCORD_BOT_TOKEN: fake.token,
          DISCORD_API_BASE: fake.apiBase,
          DISCORD_GUILD_ID: guild,
        }),
      });
      // The check runs after start-up; wait for its verdict either way.
      await fake.waitFor(
        () => logs.entries.find((e) => /slash commands (are not )?registered/.test(e.msg)),
        "the command check",
      );
      await face.stop();
      return { logs };
    };
    const unregistered = await start("1300000000000000999");
    expect(unregistered.logs.entries.some((e) => e.msg.includes("npm run discord:register"))).toBe(
      true,
    );
    expect((await register({ DISCORD_GUILD_ID: GUILD_ID })).code).toBe(0);
    const registered = await start(GUILD_ID);
    expect(registered.logs.entries.some((e) => e.msg.includes("npm run discord:register"))).toBe(
      false,
    );
  });
});
