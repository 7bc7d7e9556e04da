import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HEALTH_PATH, type HealthReport, type Logger, respondHealth } from "../../src/index.ts";
import type { InlineResponder } from "./inline-response-rest.ts";
import { RequestClosedError } from "./request-closed-error.ts";
import type { SignatureCheck, SignedRequest } from "./verify-discord-signature.ts";

/** Where Discord POSTs interactions: the path of the Interactions Endpoint URL. */
export const INTERACTIONS_PATH = "/interactions";

/** Far above any interaction Discord sends (a button's message with ten embeds is ~30 kB). */
const MAX_BODY_BYTES = 1_000_000;

const PING = 1;
const PONG = 1;

/** The fields every interaction has; discord.js reads the rest. */
export interface RawInteraction {
  id: string;
  type: number;
  token: string;
  application_id: string;
  [field: string]: unknown;
}

export interface InteractionsServerOptions {
  verify: (request: SignedRequest) => SignatureCheck;
  /**
   * Takes a verified interaction other than PING; its response is sent with `respond`, or,
   * should the handler end without one, `fail`.
   */
  dispatch: (interaction: RawInteraction, response: InteractionResponse) => void;
  health: () => HealthReport;
  logger: Logger;
}

export interface InteractionResponse {
  respond: InlineResponder;
  /** Answers with an HTTP error status when there is no interaction response to give. */
  fail(status: number): void;
}

/**
 * A node:http server for Discord's interactions endpoint. Every POST is checked against
 * the application's public key before its body is read as JSON: a missing, wrong or stale
 * signature gets 401 (Discord tests exactly that when the URL is saved, and removes an
 * endpoint that accepts what it should not). PING is answered PONG here; everything else
 * goes to `dispatch`. `GET /healthz` reports the process's health for load balancers.
 */
export function createInteractionsServer(options: InteractionsServerOptions): Server {
  const { logger } = options;
  return createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname === HEALTH_PATH) {
      respondHealth(req, res, options.health);
      return;
    }
    if (pathname !== INTERACTIONS_PATH) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    readBody(req)
      .then(
        (body) => receive(req, res, body, options),
        (error: unknown) => {
          const tooLarge = error instanceof BodyTooLargeError;
          logger.info(
            { reason: tooLarge ? "body too large" : "body not received" },
            "Discord: interactions request refused",
          );
          if (!res.headersSent) res.writeHead(tooLarge ? 413 : 400, { connection: "close" }).end();
        },
      )
      // The edge of this server: whatever escaped is logged, and the request still answered.
      .catch((error: unknown) => {
        logger.error(
          { err: error instanceof Error ? { name: error.name, message: error.message } : error },
          "Discord: interactions request failed",
        );
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
}

function receive(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  options: InteractionsServerOptions,
): void {
  const { logger } = options;
  const check = options.verify({
    signature: header(req, "x-signature-ed25519"),
    timestamp: header(req, "x-signature-timestamp"),
    body,
  });
  if (check !== "valid") {
    // Discord's own check when the URL is saved sends bad signatures on purpose: info, not warn.
    const log = check === "stale" ? logger.warn.bind(logger) : logger.info.bind(logger);
    log(
      { check },
      check === "stale"
        ? "Discord: interactions request refused: its timestamp is more than 5 minutes from this machine's clock (a replay, or a clock to set right)"
        : "Discord: interactions request refused: signature missing or not made with DISCORD_PUBLIC_KEY",
    );
    res.writeHead(401, { "content-type": "text/plain" }).end("invalid request signature");
    return;
  }
  const interaction = parseInteraction(body);
  if (interaction === null) {
    logger.warn("Discord: a signed interactions request was not an interaction");
    res.writeHead(400).end();
    return;
  }
  if (interaction.type === PING) {
    logger.info("Discord: PING answered (the Interactions Endpoint URL was checked)");
    sendJson(res, 200, { type: PONG });
    return;
  }
  options.dispatch(interaction, {
    respond: (response) => respondOnce(res, response),
    fail: (status) => {
      if (!res.headersSent) res.writeHead(status).end();
    },
  });
}

function respondOnce(res: ServerResponse, response: unknown): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (res.headersSent || res.destroyed || res.socket === null || res.socket.destroyed) {
      reject(new RequestClosedError());
      return;
    }
    const onClose = () => reject(new RequestClosedError());
    res.once("close", onClose);
    sendJson(res, 200, response, () => {
      res.off("close", onClose);
      resolve();
    });
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown, sent?: () => void): void {
  const json = JSON.stringify(value);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json, sent);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseInteraction(body: Buffer): RawInteraction | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { id, type, token, application_id: applicationId } = value as Record<string, unknown>;
  const valid =
    typeof id === "string" &&
    typeof type === "number" &&
    (type === PING || (typeof token === "string" && typeof applicationId === "string"));
  return valid ? (value as RawInteraction) : null;
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
