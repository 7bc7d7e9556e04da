import { createServer, type Server } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import { HEALTH_PATH, type HealthReport, type Logger, respondHealth } from "../../src/index.ts";
import { describeError } from "./handle-bot-error.ts";

/**
 * Telegram waits for the webhook's answer and retries updates it considers failed; past
 * this the request is answered 200 and the update finishes in the background, so a slow
 * answer is never handled twice.
 */
const WEBHOOK_ANSWER_MS = 9_000;

export interface WebhookServerOptions {
  bot: Bot;
  /** The path of TELEGRAM_WEBHOOK_URL: updates arrive there, everything else is 404. */
  path: string;
  secretToken: string;
  logger: Logger;
  /** What `GET /healthz` reports: 200 while serving, 503 otherwise. */
  health: () => HealthReport;
}

/**
 * A node:http server for webhook mode. grammY's callback checks the
 * `X-Telegram-Bot-Api-Secret-Token` header before reading the body: a wrong or missing
 * secret gets 401 and nothing is processed. `GET /healthz` reports the process's health
 * (JSON) for load balancers.
 */
export function createWebhookServer(options: WebhookServerOptions): Server {
  const { bot, path, secretToken, logger, health } = options;
  const handle = webhookCallback(bot, "http", {
    secretToken,
    onTimeout: "return",
    timeoutMilliseconds: WEBHOOK_ANSWER_MS,
  });
  return createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname === HEALTH_PATH) {
      respondHealth(req, res, health);
      return;
    }
    if (pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    handle(req, res).catch((error: unknown) => {
      // Only a body that is not an update lands here: update failures go to bot.catch.
      logger.warn({ err: describeError(error) }, "bad webhook request");
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
}
