import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegram } from "../../adapters/telegram/start-telegram.ts";
import { TelegramConfigSchema, webhookSecret } from "../../adapters/telegram/telegram-config.ts";
import { AppError, parseConfig, SILENT_LOGGER } from "../../src/index.ts";
import { startFakeTelegramApi } from "../fakes/fake-telegram-api.ts";
import { privateChat, textMessage, user } from "../fakes/telegram-updates.ts";
import { type Harness, startHarness, testEngine } from "./telegram-harness.ts";
import { readTelegramHtml } from "./telegram-html.ts";

const WEBHOOK_URL = "https://bot.example.test/telegram/webhook";

/** One real HTTP request to the bot's webhook server. */
function post(port: number, path: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: body === "" ? "GET" : "POST",
        headers: { "content-type": "application/json", ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body === "" ? undefined : body);
  });
}

describe("telegram: webhook mode", () => {
  let h: Harness;
  let port: number;
  let secret: string;
  const frank = user(808, "Frank");
  const chat = privateChat(frank);

  beforeAll(async () => {
    h = await startHarness({
      env: { TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, PORT: "0", TELEGRAM_WEBHOOK_HOST: "127.0.0.1" },
    });
    port = h.handle.webhookAddress?.port ?? 0;
    secret = webhookSecret(parseConfig(TelegramConfigSchema, { TELEGRAM_BOT_TOKEN: h.fake.token }));
  });
  afterAll(async () => {
    await h.close();
  });

  it("registers the webhook with its secret instead of polling", () => {
    const [set] = h.fake.calls("setWebhook");
    expect(set?.params).toMatchObject({ url: WEBHOOK_URL, secret_token: secret });
    expect(set?.params.allowed_updates).toEqual(["message", "inline_query", "callback_query"]);
    expect(secret).not.toContain(h.fake.token.split(":")[1]);
    expect(h.fake.calls("getUpdates")).toEqual([]);
    expect(port).toBeGreaterThan(0);
  });

  it("answers an update posted with the right secret", async () => {
    const after = h.fake.mark();
    const update = {
      update_id: 1,
      ...textMessage({ chat, from: frank, text: "What did Ushakov say?" }),
    };
    const res = await post(port, "/telegram/webhook", JSON.stringify(update), {
      "x-telegram-bot-api-secret-token": secret,
    });
    expect(res.status).toBe(200);
    const sent = await h.reply(chat.id, after);
    expect(readTelegramHtml(String(sent.params.text)).text).toContain("Ushakov");
  });

  it("refuses a wrong or missing secret with 401 and processes nothing", async () => {
    const asked = h.spy.calls.length;
    const after = h.fake.mark();
    const update = {
      update_id: 2,
      ...textMessage({ chat, from: frank, text: "What did Lavrov say?" }),
    };
    const wrong = await post(port, "/telegram/webhook", JSON.stringify(update), {
      "x-telegram-bot-api-secret-token": `${secret}x`,
    });
    const missing = await post(port, "/telegram/webhook", JSON.stringify(update));
    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    // A correct request after them is answered, and it is the only thing answered.
    const probe = {
      update_id: 3,
      ...textMessage({ chat, from: frank, text: "What did Putin say?" }),
    };
    await post(port, "/telegram/webhook", JSON.stringify(probe), {
      "x-telegram-bot-api-secret-token": secret,
    });
    await h.reply(chat.id, after);
    expect(h.spy.calls.slice(asked).map((c) => c.question)).toEqual(["What did Putin say?"]);
  });

  it("handles an update delivered several times once: repeats get 503 while it runs, 200 after", async () => {
    const asked = h.spy.calls.length;
    const after = h.fake.mark();
    const update = {
      update_id: 4,
      ...textMessage({ chat, from: frank, text: "What did Peskov say?" }),
    };
    const deliver = () =>
      post(port, "/telegram/webhook", JSON.stringify(update), {
        "x-telegram-bot-api-secret-token": secret,
      });
    const statuses = (await Promise.all([deliver(), deliver(), deliver(), deliver()])).map(
      (r) => r.status,
    );
    expect(statuses).toContain(200);
    for (const status of statuses) expect([200, 503]).toContain(status);
    // Telegram retries a 503 later: by then the update is done, and it is dropped.
    expect((await deliver()).status).toBe(200);
    await h.reply(chat.id, after);
    expect(h.spy.calls.slice(asked).map((c) => c.question)).toEqual(["What did Peskov say?"]);
    expect(h.fake.calls("sendMessage", after)).toHaveLength(1);
  });

  it("answers 404 off the webhook path, 400 to a body that is not an update, 200 on /healthz", async () => {
    expect(
      (await post(port, "/elsewhere", "{}", { "x-telegram-bot-api-secret-token": secret })).status,
    ).toBe(404);
    expect(
      (
        await post(port, "/telegram/webhook", "not json", {
          "x-telegram-bot-api-secret-token": secret,
        })
      ).status,
    ).toBe(400);
    const health = await post(port, "/healthz", "");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({
      status: "serving",
      faces: { telegram: "webhook" },
    });
  });
});

describe("telegram: start and stop", () => {
  it("names TELEGRAM_BOT_TOKEN when Telegram rejects the token", async () => {
    const fake = await startFakeTelegramApi();
    try {
      const config = parseConfig(TelegramConfigSchema, {
        TELEGRAM_BOT_TOKEN: "987654321:AAWrongTokenWrongTokenWrongToken",
        TELEGRAM_API_ROOT: fake.apiRoot,
      });
      const started = startTelegram({ engine: await testEngine(), config, logger: SILENT_LOGGER });
      await expect(started).rejects.toThrow(AppError);
      await expect(started).rejects.toThrow(/TELEGRAM_BOT_TOKEN.*BotFather/s);
    } finally {
      await fake.close();
    }
  });

  it("names TELEGRAM_API_ROOT when the Bot API cannot be reached", async () => {
    const fake = await startFakeTelegramApi();
    const apiRoot = fake.apiRoot;
    await fake.close();
    const config = parseConfig(TelegramConfigSchema, {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: apiRoot,
    });
    await expect(
      startTelegram({ engine: await testEngine(), config, logger: SILENT_LOGGER }),
    ).rejects.toThrow(/TELEGRAM_API_ROOT/);
  });

  it("refuses to start without a token, saying where to get one", async () => {
    const config = parseConfig(TelegramConfigSchema, {});
    await expect(
      startTelegram({ engine: await testEngine(), config, logger: SILENT_LOGGER }),
    ).rejects.toThrow(/TELEGRAM_BOT_TOKEN is not set.*BotFather/);
  });

  it("stops cleanly: confirms the handled updates to Telegram and stops polling", async () => {
    const h = await startHarness();
    const gina = user(909, "Gina");
    const after = h.push(
      textMessage({ chat: privateChat(gina), from: gina, text: "What did Lavrov say?" }),
    );
    await h.reply(gina.id, after);
    await h.handle.stop();
    await h.handle.stop();
    const polls = h.fake.calls("getUpdates");
    expect(polls.at(-1)?.params).toMatchObject({ offset: 2, limit: 1 });
    const stoppedAt = h.fake.mark();
    h.fake.pushUpdate(textMessage({ chat: privateChat(gina), from: gina, text: "Anyone there?" }));
    // Nothing polls any more: the fake's log does not grow. (Checked after a later
    // request of our own, not after a sleep.)
    await fetch(`${h.fake.apiRoot}/bot${h.fake.token}/getMe`);
    expect(h.fake.requests.slice(stoppedAt).map((r) => r.method)).toEqual(["getMe"]);
    await h.fake.close();
  });
});
