import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Bot } from "grammy";
import {
  HEALTH_PATH,
  type HealthReport,
  type Logger,
  respondHealth,
  type UpdateClaims,
} from "../../src/index.ts";
import { describeError } from "./handle-bot-error.ts";
import { NotAnUpdate, receiveUpdate } from "./receive-update.ts";

/**
 * Telegram waits for the webhook's answer and retries updates it considers failed; past
 * this the request is answered 200 and the update finishes in the background, so a slow
 * answer is never handled twice.
 */
const WEBHOOK_ANSWER_MS = 9_000;
/** Seconds a delivery of an update another instance is handling is asked to wait. */
const TAKEN_RETRY_AFTER_SECONDS = 5;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookServerOptions {
  bot: Bot;
  /** The path of TELEGRAM_WEBHOOK_URL: updates arrive there, everything else is 404. */
  path: string;
  secretToken: string;
  logger: Logger;
  /** What `GET /healthz` reports: 200 while serving, 503 otherwise. */
  health: () => HealthReport;
  /** Which updates were handled, by this instance or (PostgreSQL) by any. */
  claims: UpdateClaims;
}

/** Compared as digests, so neither the secret's characters nor its length leak by timing. */
function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(header), digest(secret));
}

/**
 * A node:http server for webhook mode. The `X-Telegram-Bot-Api-Secret-Token` header is
 * checked before the body is read: a wrong or missing secret gets 401 and nothing is
 * processed. Each update is claimed before grammY handles it, so a delivery Telegram
 * repeats (to this instance or, behind a load balancer, to another) is handled once:
 * a repeat of a handled update is answered 200 and dropped; one of an update still being
 * handled is answered 503, and Telegram delivers it again later. `GET /healthz` reports
 * the process's health (JSON) for load balancers.
 */
export function createWebhookServer(options: WebhookServerOptions): Server {
  const { bot, path, secretToken, logger, health, claims } = options;

  async function deliver(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const update = await receiveUpdate(req);
    const key = `telegram:${bot.botInfo.id}:${update.update_id}`;
    const outcome = await claims.claim(key);
    if (outcome === "done") {
      logger.info({ updateId: update.update_id }, "a repeated delivery of a handled update");
      res.writeHead(200).end();
      return;
    }
    if (outcome === "taken") {
      logger.info({ updateId: update.update_id }, "update being handled elsewhere; retry later");
      res.writeHead(503, { "retry-after": String(TAKEN_RETRY_AFTER_SECONDS) }).end();
      return;
    }
    // bot.catch answers the person and logs; whatever happened, the update is finished.
    const handled = bot
      .handleUpdate(update)
      .catch((error: unknown) =>
        logger.error({ err: describeError(error) }, "update failed outside the bot's handler"),
      )
      .then(() => claims.finish(key))
      .catch((error: unknown) =>
        logger.warn({ err: describeError(error) }, "could not mark an update handled"),
      );
    let timer: NodeJS.Timeout | undefined;
    const answerBy = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, WEBHOOK_ANSWER_MS);
    });
    await Promise.race([handled, answerBy]);
    clearTimeout(timer);
    res.writeHead(200).end();
  }

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
    if (!secretMatches(req.headers[SECRET_HEADER], secretToken)) {
      res.writeHead(401).end();
      req.resume();
      return;
    }
    deliver(req, res).catch((error: unknown) => {
      if (error instanceof NotAnUpdate) {
        logger.warn({ reason: error.message }, "bad webhook request");
        if (!res.headersSent) res.writeHead(error.status, { connection: "close" }).end();
        return;
      }
      // The store could not be asked (the database is down): Telegram delivers it again.
      logger.warn({ err: describeError(error) }, "could not claim an update; Telegram will retry");
      if (!res.headersSent) res.writeHead(503).end();
    });
  });
}
