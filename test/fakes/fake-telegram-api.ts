import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fake Telegram Bot API server on 127.0.0.1 (random port) for end-to-end tests: the
 * real grammY bot talks HTTP to it through `client.apiRoot` / TELEGRAM_API_ROOT. It
 * records every request, feeds updates by long polling as Telegram does, and can be
 * scripted to fail a method (429 with retry_after, 400 "can't parse entities", 5xx).
 */

export const FAKE_TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghij";

export const FAKE_BOT = {
  id: 123456789,
  is_bot: true as const,
  first_name: "Quote Bot",
  username: "quote_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
};

export type Params = Record<string, unknown>;

export interface RecordedRequest {
  /** Position in the log: requests are numbered from 0 in arrival order. */
  index: number;
  method: string;
  params: Params;
  /** The token in the request path (tests assert it is the configured one). */
  token: string;
  /** What a successful call returned (the sent message, with its message_id). */
  result?: unknown;
}

/** A Bot API error body, as Telegram sends it. */
export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

interface Script {
  method: string;
  when: (params: Params) => boolean;
  failure: ApiFailure;
  times: number;
}

interface Hold {
  method: string;
  when: (params: Params) => boolean;
  released: Promise<void>;
}

interface Poller {
  offset: number;
  limit: number;
  respond: (updates: unknown[]) => void;
}

/** Long polls are held at most this long, so a stopping bot never waits on the fake. */
const MAX_HOLD_MS = 1_000;

async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return params;
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return { ...params, ...JSON.parse(body.toString("utf8")) };
  // multipart/form-data and urlencoded; grammY sends objects in forms as JSON strings.
  const form = await new Response(body, { headers: { "content-type": type } }).formData();
  for (const [key, value] of form) {
    if (typeof value !== "string") params[key] = "(file)";
    else if (/^[[{]/.test(value)) params[key] = JSON.parse(value);
    else params[key] = value;
  }
  return params;
}

export async function startFakeTelegramApi(token = FAKE_TOKEN) {
  const events = new EventEmitter();
  const requests: RecordedRequest[] = [];
  const scripts: Script[] = [];
  const updates: Array<{ update_id: number } & Record<string, unknown>> = [];
  const pollers = new Set<Poller>();
  const chatTypes = new Map<number, string>();
  let nextUpdateId = 1;
  let nextMessageId = 1000;
  /** Methods (or every method: "*") whose calls are received and never answered. */
  const hanging = new Set<string>();
  const holds: Hold[] = [];

  function pending(offset: number, limit: number) {
    return updates.filter((u) => u.update_id >= offset).slice(0, limit);
  }

  function feedPollers() {
    for (const poller of pollers) {
      const batch = pending(poller.offset, poller.limit);
      if (batch.length > 0) poller.respond(batch);
    }
  }

  function result(method: string, params: Params): unknown {
    switch (method) {
      case "getMe":
        return FAKE_BOT;
      case "sendMessage":
      case "editMessageText": {
        const chatId = Number(params.chat_id);
        return {
          message_id: method === "sendMessage" ? nextMessageId++ : Number(params.message_id),
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: chatTypes.get(chatId) ?? "private" },
          from: {
            id: FAKE_BOT.id,
            is_bot: true,
            first_name: FAKE_BOT.first_name,
            username: FAKE_BOT.username,
          },
          text: String(params.text ?? ""),
        };
      }
      case "getWebhookInfo":
        return { url: "", has_custom_certificate: false, pending_update_count: 0 };
      default:
        // sendChatAction, answerInlineQuery, setMyCommands, deleteWebhook, setWebhook, ...
        return true;
    }
  }

  function send(res: ServerResponse, status: number, body: unknown) {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (match === null)
      return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, pathToken = "", method = ""] = match;
    const params = await readParams(req, url);
    const recorded: RecordedRequest = { index: requests.length, method, params, token: pathToken };
    requests.push(recorded);
    events.emit("request", recorded);
    if (hanging.has("*") || hanging.has(method)) return; // like a platform that stopped answering
    const hold = holds.find((h) => h.method === method && h.when(params));
    if (hold !== undefined) {
      await hold.released;
      // The caller hung up meanwhile (its process died): Telegram never acted on it.
      if (res.destroyed) return;
    }
    if (pathToken !== token) {
      return send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const script = scripts.find((s) => s.method === method && s.times > 0 && s.when(params));
    if (script !== undefined) {
      script.times -= 1;
      return send(res, script.failure.error_code, { ok: false, ...script.failure });
    }
    if (method !== "getUpdates") {
      recorded.result = result(method, params);
      return send(res, 200, { ok: true, result: recorded.result });
    }

    // Long polling: confirm what is below the offset, answer at once if anything is
    // pending, else hold the request until an update arrives or the hold times out.
    const offset = Number(params.offset ?? 0);
    const limit = Number(params.limit ?? 100);
    if (offset > 0) updates.splice(0, updates.length, ...pending(offset, Infinity));
    const ready = pending(offset, limit);
    const holdMs = Math.min(Number(params.timeout ?? 0) * 1000, MAX_HOLD_MS);
    if (ready.length > 0 || holdMs === 0) return send(res, 200, { ok: true, result: ready });
    const poller: Poller = {
      offset,
      limit,
      respond: (batch) => {
        pollers.delete(poller);
        clearTimeout(timer);
        if (hanging.has("*") || hanging.has("getUpdates")) return;
        send(res, 200, { ok: true, result: batch });
      },
    };
    const timer = setTimeout(() => poller.respond([]), holdMs);
    pollers.add(poller);
    res.on("close", () => {
      pollers.delete(poller);
      clearTimeout(timer);
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      send(res, 500, { ok: false, error_code: 500, description: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    requests,

    /** Queues an update (its update_id is assigned) and wakes a held long poll. */
    pushUpdate(update: Record<string, unknown>): number {
      const update_id = nextUpdateId++;
      const message = update.message as { chat?: { id: number; type: string } } | undefined;
      if (message?.chat) chatTypes.set(message.chat.id, message.chat.type);
      updates.push({ update_id, ...update });
      feedPollers();
      return update_id;
    },

    /** Makes the next `times` calls of `method` (matching `when`) fail with `failure`. */
    fail(
      method: string,
      failure: ApiFailure,
      options: { times?: number; when?: (p: Params) => boolean } = {},
    ) {
      scripts.push({
        method,
        failure,
        times: options.times ?? 1,
        when: options.when ?? (() => true),
      });
    },

    /**
     * From now on, calls of `methods` (default: every method) are received and never
     * answered, as when the platform is unreachable mid-request. Long polls already held
     * are left hanging too.
     */
    hang(methods: readonly string[] = ["*"]) {
      for (const method of methods) hanging.add(method);
    },

    /**
     * Holds calls of `method` matching `when` unanswered until the returned function is
     * called: a request in flight for as long as a test needs. A held call whose client
     * went away meanwhile is never answered, and gets no `result`.
     */
    hold(method: string, when: (p: Params) => boolean = () => true): () => void {
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const hold: Hold = { method, when, released };
      holds.push(hold);
      return () => {
        holds.splice(holds.indexOf(hold), 1);
        release();
      };
    },

    calls(method: string, after = 0): RecordedRequest[] {
      return requests.filter((r) => r.method === method && r.index >= after);
    },

    /** The number of requests so far: pass it as `after` to look only at what follows. */
    mark(): number {
      return requests.length;
    },

    /** Resolves with the first request (at or after `after`) that matches; rejects after `timeoutMs`. */
    waitFor(
      match: (request: RecordedRequest) => boolean,
      options: { after?: number; timeoutMs?: number; what?: string } = {},
    ): Promise<RecordedRequest> {
      const { after = 0, timeoutMs = 15_000, what = "a matching request" } = options;
      const found = requests.find((r) => r.index >= after && match(r));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onRequest = (request: RecordedRequest) => {
          if (request.index < after || !match(request)) return;
          clearTimeout(timer);
          events.off("request", onRequest);
          resolve(request);
        };
        const timer = setTimeout(() => {
          events.off("request", onRequest);
          const seen = requests
            .slice(after)
            .map((r) => r.method)
            .join(", ");
          reject(new Error(`fake Telegram: no ${what} within ${timeoutMs} ms (saw: ${seen})`));
        }, timeoutMs);
        events.on("request", onRequest);
      });
    },

    async close(): Promise<void> {
      for (const poller of pollers) poller.respond([]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeTelegramApi = Awaited<ReturnType<typeof startFakeTelegramApi>>;
