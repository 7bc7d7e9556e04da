import { describe, expect, it } from "vitest";
import type { DiscordState } from "../../adapters/discord/discord-state.ts";
import { startDiscord } from "../../adapters/discord/start-discord.ts";
import { startTelegram } from "../../adapters/telegram/start-telegram.ts";
import { TelegramConfigSchema } from "../../adapters/telegram/telegram-config.ts";
import type { TelegramState } from "../../adapters/telegram/telegram-state.ts";
import {
  type Engine,
  type FaceStatusTracker,
  healthReport,
  parseConfig,
  SILENT_LOGGER,
} from "../../src/index.ts";
import { FakeDiscord } from "../fakes/fake-discord.ts";
import { startFakeTelegramApi } from "../fakes/fake-telegram-api.ts";
import { privateChat, textMessage, user } from "../fakes/telegram-updates.ts";
import { testEngine } from "../telegram/telegram-harness.ts";
import { httpRequest } from "./http-get.ts";

/** A status that also remembers every state it was set to, in order. */
function recordingStatus<S extends string>(name: string, initial: S, serving: readonly S[]) {
  const history: S[] = [initial];
  let state = initial;
  const status: FaceStatusTracker<S> = {
    name,
    get state() {
      return state;
    },
    get serving() {
      return serving.includes(state);
    },
    set(next) {
      state = next;
      history.push(next);
    },
  };
  return { status, history };
}

const NO_FEEDBACK = {
  vote: async () => "recorded" as const,
  votesFor: async () => ({ up: 0, down: 0 }),
};

describe("Telegram face states", () => {
  it("polling once started; failed when another instance takes the polling (409)", async () => {
    const fake = await startFakeTelegramApi();
    const engine = await testEngine();
    const { status, history } = recordingStatus<TelegramState>("telegram", "starting", [
      "polling",
      "webhook",
    ]);
    let fatal: (error: unknown) => void = () => {};
    const failed = new Promise<unknown>((resolve) => {
      fatal = resolve;
    });
    const handle = await startTelegram({
      engine,
      config: parseConfig(TelegramConfigSchema, {
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
      }),
      logger: SILENT_LOGGER,
      status,
      onFatal: fatal,
    });
    try {
      expect(status.state).toBe("polling");
      expect(healthReport(engine, [status]).status).toBe("serving");

      fake.fail("getUpdates", {
        error_code: 409,
        description: "Conflict: terminated by other getUpdates request",
      });
      // An update ends the poll held now; the next getUpdates meets the 409.
      const frank = user(909, "Frank");
      fake.pushUpdate(textMessage({ chat: privateChat(frank), from: frank, text: "hello" }));
      await failed;
      expect(status.state).toBe("failed");
      expect(healthReport(engine, [status]).status).toBe("unavailable");
    } finally {
      await handle.stop();
      await fake.close();
    }
    expect(history).toEqual(["starting", "polling", "failed", "stopping"]);
  });

  it("failed when Telegram rejects the token at start", async () => {
    const fake = await startFakeTelegramApi();
    const { status } = recordingStatus<TelegramState>("telegram", "starting", ["polling"]);
    try {
      await expect(
        startTelegram({
          engine: await testEngine(),
          config: parseConfig(TelegramConfigSchema, {
            TELEGRAM_BOT_TOKEN: "999:wrong-token-for-the-fake",
            TELEGRAM_API_ROOT: fake.apiRoot,
          }),
          logger: SILENT_LOGGER,
          status,
        }),
      ).rejects.toThrow(/TELEGRAM_BOT_TOKEN/);
      expect(status.state).toBe("failed");
    } finally {
      await fake.close();
    }
  });

  it("webhook mode: /healthz on PORT reports the face and the corpus as JSON", async () => {
    const fake = await startFakeTelegramApi();
    const engine = await testEngine();
    const { status } = recordingStatus<TelegramState>("telegram", "starting", ["webhook"]);
    const handle = await startTelegram({
      engine,
      config: parseConfig(TelegramConfigSchema, {
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_WEBHOOK_URL: "https://bot.example.test/hook",
        TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
        PORT: "0",
      }),
      logger: SILENT_LOGGER,
      status,
    });
    try {
      const port = handle.webhookAddress?.port ?? 0;
      const ok = await httpRequest(port, "/healthz");
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body)).toEqual({
        status: "serving",
        corpus: engine.corpusStatus(),
        faces: { telegram: "webhook" },
      });
      expect(engine.corpusStatus().articles).toBe(engine.articles().length);

      // While stopping (draining answers), load balancers are told to look elsewhere.
      status.set("stopping");
      expect((await httpRequest(port, "/healthz")).status).toBe(503);
    } finally {
      await handle.stop();
      await fake.close();
    }
  });
});

describe("Discord face states", () => {
  it("ready once logged in, connecting while the gateway reconnects, stopping at shutdown", async () => {
    const fake = await FakeDiscord.start();
    const { status, history } = recordingStatus<DiscordState>("discord", "connecting", ["ready"]);
    const engine: Engine = await testEngine();
    const face = await startDiscord({
      engine,
      config: {
        DISCORD_BOT_TOKEN: fake.token,
        DISCORD_API_BASE: fake.apiBase,
        DISCORD_MODERATOR_ROLE_IDS: [],
        DISCORD_RATE_LIMIT_PER_MINUTE: 5,
      },
      logger: SILENT_LOGGER,
      feedback: NO_FEEDBACK,
      status,
    });
    try {
      expect(status.state).toBe("ready");
      const identified = fake.identifies.length;
      fake.dropConnections();
      await fake.waitFor(() => status.state === "connecting", "the reconnect to be reported");
      expect(healthReport(engine, [status]).status).toBe("unavailable");
      await fake.waitFor(
        () => fake.identifies.length > identified && status.state === "ready",
        "ready again after the reconnect",
      );
      expect(healthReport(engine, [status]).status).toBe("serving");
    } finally {
      await face.stop();
      await fake.close();
    }
    expect(status.state).toBe("stopping");
    expect(history.slice(0, 2)).toEqual(["connecting", "connecting"]);
    expect(history).toContain("ready");
    expect(history.indexOf("connecting", 2)).toBeGreaterThan(history.indexOf("ready"));
  });

  it("failed when Discord rejects the token", async () => {
    const fake = await FakeDiscord.start();
    const { status } = recordingStatus<DiscordState>("discord", "connecting", ["ready"]);
    try {
      await expect(
        startDiscord({
          engine: await testEngine(),
          config: {
            DISCORD_BOT_TOKEN: "wrong-token-wrong-token-wrong-token",
            DISCORD_API_BASE: fake.apiBase,
            DISCORD_MODERATOR_ROLE_IDS: [],
            DISCORD_RATE_LIMIT_PER_MINUTE: 5,
          },
          logger: SILENT_LOGGER,
          feedback: NO_FEEDBACK,
          status,
        }),
      ).rejects.toThrow(/DISCORD_BOT_TOKEN/);
      expect(status.state).toBe("failed");
    } finally {
      await fake.close();
    }
  });
});
