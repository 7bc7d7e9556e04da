import { describe, expect, it } from "vitest";
import {
  DEFAULT_TELEGRAM_API_ROOT,
  TelegramConfigSchema,
  webhookSecret,
} from "../../adapters/telegram/telegram-config.ts";
import { AppError, parseConfig } from "../../src/index.ts";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const parse = (env: Record<string, string>) => parseConfig(TelegramConfigSchema, env);

function problem(env: Record<string, string>): string {
  try {
    parse(env);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("TelegramConfigSchema", () => {
  it("has defaults for everything but the token, which is optional", () => {
    const config = parse({});
    expect(config).toMatchObject({
      TELEGRAM_API_ROOT: DEFAULT_TELEGRAM_API_ROOT,
      PORT: 8080,
      TELEGRAM_MODERATOR_IDS: [],
      TELEGRAM_RATE_LIMIT_PER_MINUTE: 10,
      TELEGRAM_FOLLOW_UP_MINUTES: 10,
    });
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(config.TELEGRAM_WEBHOOK_URL).toBeUndefined();
  });

  it("parses moderator ids, tolerating spaces and a trailing comma", () => {
    expect(parse({ TELEGRAM_MODERATOR_IDS: " 12345, 678901234 ," }).TELEGRAM_MODERATOR_IDS).toEqual(
      [12345, 678901234],
    );
  });

  it("names the variable and the bad entry for moderator ids that are not user ids", () => {
    for (const bad of ["12a", "@alice", "-5", "1.5", "99999999999999999999"]) {
      const message = problem({ TELEGRAM_MODERATOR_IDS: `1, ${bad}` });
      expect(message).toContain("TELEGRAM_MODERATOR_IDS");
      expect(message).toContain("numeric Telegram user ids");
    }
  });

  it("refuses a malformed token without echoing it", () => {
    const message = problem({ TELEGRAM_BOT_TOKEN: "not-a-token-secret-value" });
    expect(message).toContain("TELEGRAM_BOT_TOKEN");
    expect(message).not.toContain("not-a-token-secret-value");
  });

  it("wants an https webhook URL and an http(s) API root, trailing slash dropped", () => {
    expect(problem({ TELEGRAM_WEBHOOK_URL: "http://bot.example.org/hook" })).toContain(
      "TELEGRAM_WEBHOOK_URL",
    );
    expect(problem({ TELEGRAM_API_ROOT: "ftp://x" })).toContain("TELEGRAM_API_ROOT");
    expect(parse({ TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" }).TELEGRAM_API_ROOT).toBe(
      "http://127.0.0.1:8081",
    );
  });

  it("bounds the rate limit, the follow-up memory and the port", () => {
    expect(problem({ TELEGRAM_RATE_LIMIT_PER_MINUTE: "0" })).toContain(
      "TELEGRAM_RATE_LIMIT_PER_MINUTE",
    );
    expect(problem({ TELEGRAM_RATE_LIMIT_PER_MINUTE: "ten" })).toContain(
      "TELEGRAM_RATE_LIMIT_PER_MINUTE",
    );
    expect(problem({ TELEGRAM_FOLLOW_UP_MINUTES: "-1" })).toContain("TELEGRAM_FOLLOW_UP_MINUTES");
    expect(problem({ PORT: "70000" })).toContain("PORT");
    expect(parse({ TELEGRAM_FOLLOW_UP_MINUTES: "0", PORT: "0" })).toMatchObject({
      TELEGRAM_FOLLOW_UP_MINUTES: 0,
      PORT: 0,
    });
  });

  it("refuses a webhook secret with characters Telegram does not allow", () => {
    expect(problem({ TELEGRAM_WEBHOOK_SECRET: "has spaces" })).toContain("TELEGRAM_WEBHOOK_SECRET");
  });
});

describe("webhookSecret", () => {
  it("uses the configured secret", () => {
    expect(
      webhookSecret(parse({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: "s3cret_-" })),
    ).toBe("s3cret_-");
  });

  it("derives a stable secret Telegram accepts, which does not reveal the token", () => {
    const secret = webhookSecret(parse({ TELEGRAM_BOT_TOKEN: TOKEN }));
    expect(secret).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(secret).toBe(webhookSecret(parse({ TELEGRAM_BOT_TOKEN: TOKEN })));
    expect(secret).not.toContain(TOKEN.split(":")[1]);
    const other = webhookSecret(
      parse({ TELEGRAM_BOT_TOKEN: "123456789:AAotherTokenotherTokenotherToken" }),
    );
    expect(other).not.toBe(secret);
  });
});
