import { EventEmitter, once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { FakeGateway } from "./fake-discord-gateway.ts";
import { FakeInteractionResponses } from "./fake-discord-interactions.ts";
import {
  channelIdOf,
  FAKE_APPLICATION_ID,
  FAKE_BOT_USER,
  FAKE_TOKEN,
  type FakeMessage,
  interactionPayload,
  messageObject,
  type Where,
} from "./fake-discord-payloads.ts";

export * from "./fake-discord-payloads.ts";

export interface RecordedRequest {
  /** Order of arrival across all requests. */
  seq: number;
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/1/tok/callback`. */
  path: string;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the bot sent
  body: any;
  authorization: string | undefined;
  status: number;
  /** `performance.now()` when the request reached the fake: what latency is measured to. */
  receivedAt: number;
  /** A response the bot gave as its HTTP answer to an interaction Discord POSTed. */
  inline?: boolean;
}

export interface InjectedInteraction {
  id: string;
  token: string;
}

/** An interaction as Discord POSTs it to an interactions endpoint: `payload` is the body. */
export interface HttpInteraction extends InjectedInteraction {
  payload: Record<string, unknown>;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** Short, so tests see heartbeats; Discord sends ~41 s. */
  heartbeatIntervalMs?: number;
}

/**
 * A fake Discord on 127.0.0.1 that the real discord.js talks to: REST under `/api/v10`
 * (point `rest.api` at `apiBase`) and a gateway WebSocket at the URL `GET /gateway/bot`
 * returns, speaking the real protocol (HELLO, IDENTIFY → READY, heartbeats and ACKs,
 * dispatches). Tests inject interactions as Discord would dispatch them and assert on the
 * REST calls the bot makes in return.
 */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly requests: RecordedRequest[] = [];
  /** Every message the bot sent through interactions, by id. */
  readonly messages: Map<string, FakeMessage>;
  /** Commands as registered: "global", or the guild id. */
  readonly commands = new Map<string, unknown[]>();
  /** For each closed gateway connection: how many REST requests had arrived by then. */
  readonly gatewayClosedAfter: number[] = [];
  readonly gateway: FakeGateway;

  /** Requests by the interaction token in their path: a burst's look-ups stay O(1) each. */
  private readonly byToken = new Map<string, RecordedRequest[]>();
  /** Interactions POSTed to a bot whose HTTP answer has not been taken in yet, by token. */
  private readonly deliveries = new Map<string, Promise<void>>();
  private readonly events = new EventEmitter();
  private readonly responses: FakeInteractionResponses;
  private readonly rateLimitOnce: RegExp[] = [];
  private readonly hanging: RegExp[] = [];
  private nextId = 1_400_000_000_000_000_000n;
  private seq = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    options: FakeDiscordOptions,
  ) {
    this.token = options.token ?? FAKE_TOKEN;
    this.applicationId = options.applicationId ?? FAKE_APPLICATION_ID;
    this.events.setMaxListeners(100);
    this.responses = new FakeInteractionResponses(() => this.snowflake(), this.applicationId);
    this.messages = this.responses.messages;
    this.gateway = new FakeGateway(wss, {
      token: this.token,
      applicationId: this.applicationId,
      url: () => this.gatewayUrl,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
      newId: () => this.snowflake(),
      onChange: () => this.changed(),
      onClose: () => this.gatewayClosedAfter.push(this.seq),
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server, path: "/gateway" });
    const fake = new FakeDiscord(server, wss, options);
    server.on("request", (req, res) => void fake.handleHttp(req, res));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What `DISCORD_API_BASE` is set to. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Polls `probe` on every event until it returns something, or fails after `timeoutMs`. */
  async waitFor<T>(
    probe: () => T | undefined | false,
    description: string,
    timeoutMs = 15_000,
  ): Promise<T> {
    const first = probe();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Discord: timed out waiting for ${description}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("change", check);
      };
      this.events.on("change", check);
    });
  }

  /** Requests about one interaction (its callback, its webhook edits and followups), in order. */
  requestsFor(interaction: InjectedInteraction): RecordedRequest[] {
    return [...(this.byToken.get(interaction.token) ?? [])];
  }

  /** The next request whose path matches gets one 429 with a short Retry-After. */
  rateLimitNext(path: RegExp): void {
    this.rateLimitOnce.push(path);
  }

  /**
   * From now on, requests whose path matches are recorded and never answered, as when
   * Discord stops answering mid-request.
   */
  hangRequests(path: RegExp): void {
    this.hanging.push(path);
  }

  /** Closes every gateway connection as Discord does before a reconnect (code 4000). */
  dropConnections(): void {
    this.gateway.dropConnections();
  }

  get readySessions(): number {
    return this.gateway.readySessions;
  }

  get identifies(): { intents: number; token: string }[] {
    return this.gateway.identifies;
  }

  get heartbeats(): number {
    return this.gateway.heartbeats;
  }

  snowflake(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  /** A slash command (or autocomplete, type 4) as Discord dispatches it. */
  command(
    name: string,
    options: { name: string; type?: number; value: string | number; focused?: boolean }[],
    where: Where & { type?: 2 | 4 },
  ): InjectedInteraction {
    return this.dispatchInteraction(where.type ?? 2, where, {
      id: "1500000000000000001",
      name,
      type: 1,
      options: options.map((o) => ({ type: 3, ...o })),
    });
  }

  /** A click on a button of a message the bot sent. */
  click(message: FakeMessage, customId: string, where: Where): InjectedInteraction {
    return this.dispatchInteraction(3, where, { custom_id: customId, component_type: 2 }, message);
  }

  /** A slash command (or autocomplete, type 4) as Discord POSTs it to an interactions endpoint. */
  commandRequest(
    name: string,
    options: { name: string; type?: number; value: string | number; focused?: boolean }[],
    where: Where & { type?: 2 | 4 },
  ): HttpInteraction {
    return this.createInteraction(where.type ?? 2, where, {
      id: "1500000000000000001",
      name,
      type: 1,
      options: options.map((o) => ({ type: 3, ...o })),
    });
  }

  /** A click on a button, as Discord POSTs it to an interactions endpoint. */
  clickRequest(message: FakeMessage, customId: string, where: Where): HttpInteraction {
    return this.createInteraction(3, where, { custom_id: customId, component_type: 2 }, message);
  }

  /**
   * Until the returned function is called, requests with the interaction's token wait: they
   * are answered after the interaction's own response (the HTTP answer to Discord's POST)
   * was taken in, as Discord takes in a response before it serves that token's webhooks.
   */
  deliveryStarted(interaction: InjectedInteraction): () => void {
    let done = () => {};
    this.deliveries.set(
      interaction.token,
      new Promise<void>((resolve) => {
        done = resolve;
      }),
    );
    return () => {
      this.deliveries.delete(interaction.token);
      done();
    };
  }

  /**
   * The bot's HTTP answer to a delivered interaction, taken in as the callback it stands
   * for: recorded (as `POST .../callback`, `inline`) and applied like one.
   */
  inlineResponse(interaction: InjectedInteraction, body: { type: number }): number {
    const request: RecordedRequest = {
      seq: ++this.seq,
      method: "POST",
      path: `/interactions/${interaction.id}/${interaction.token}/callback`,
      query: new URLSearchParams(),
      body,
      authorization: undefined,
      status: 0,
      receivedAt: performance.now(),
      inline: true,
    };
    const [status] = this.route(request);
    request.status = status;
    this.record(request);
    this.changed();
    return status;
  }

  private dispatchInteraction(
    type: number,
    where: Where,
    data: Record<string, unknown>,
    message?: FakeMessage,
  ): InjectedInteraction {
    const { id, token, payload } = this.createInteraction(type, where, data, message);
    this.dispatch("INTERACTION_CREATE", payload);
    return { id, token };
  }

  private createInteraction(
    type: number,
    where: Where,
    data: Record<string, unknown>,
    message?: FakeMessage,
  ): HttpInteraction {
    const id = this.snowflake();
    const token = `aW50ZXJhY3Rpb246${id}${Math.random().toString(36).slice(2)}`;
    const payload = interactionPayload({
      id,
      token,
      type,
      applicationId: this.applicationId,
      where,
      data,
      ...(message ? { message: messageObject(message, this.applicationId) } : {}),
    });
    this.responses.expect({
      id,
      token,
      channelId: channelIdOf(where),
      acknowledged: false,
      expired: where.expired ?? false,
      ...(message ? { originalId: message.id } : {}),
    });
    return { id, token, payload };
  }

  /** Sends a dispatch to every identified gateway session. */
  dispatch(event: string, data: unknown): void {
    this.gateway.dispatch(event, data);
  }

  async close(): Promise<void> {
    this.gateway.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- REST ----------------------------------------------------------------------------

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ""));
    const token = /^\/webhooks\/\d+\/([^/]+)/.exec(path)?.[1];
    const delivery = token === undefined ? undefined : this.deliveries.get(token);
    if (delivery) await delivery;
    const request: RecordedRequest = {
      seq: ++this.seq,
      method: req.method ?? "GET",
      path,
      query: url.searchParams,
      body: text && req.headers["content-type"]?.includes("json") ? JSON.parse(text) : text,
      authorization: req.headers.authorization,
      status: 0,
      receivedAt,
    };
    if (this.hanging.some((pattern) => pattern.test(path))) {
      this.record(request);
      this.changed();
      return;
    }
    const limited = this.rateLimitOnce.findIndex((pattern) => pattern.test(path));
    const [status, body, headers] =
      limited >= 0
        ? this.rateLimited(limited)
        : url.pathname.startsWith("/api/v10/")
          ? this.route(request)
          : [404, { message: "404: Not Found", code: 0 }];
    request.status = status;
    this.record(request);
    if (status === 204) {
      res.writeHead(204, headers).end();
    } else {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    }
    this.changed();
  }

  private rateLimited(index: number): [number, unknown, Record<string, string>] {
    this.rateLimitOnce.splice(index, 1);
    return [
      429,
      { message: "You are being rate limited.", retry_after: 0.2, global: false },
      {
        "retry-after": "0.2",
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset-after": "0.2",
        "x-ratelimit-scope": "user",
      },
    ];
  }

  private route(r: RecordedRequest): [number, unknown, Record<string, string>?] {
    const authorized = r.authorization === `Bot ${this.token}`;
    const unauthorized: [number, unknown] = [401, { message: "401: Unauthorized", code: 0 }];
    let m: RegExpExecArray | null;

    if (r.method === "GET" && r.path === "/gateway/bot") {
      if (!authorized) return unauthorized;
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: 1,
          },
        },
      ];
    }
    if (r.method === "GET" && (r.path === "/users/@me" || r.path === "/applications/@me")) {
      if (!authorized) return unauthorized;
      return [
        200,
        r.path === "/users/@me"
          ? FAKE_BOT_USER
          : { id: this.applicationId, name: "News Quote", bot: FAKE_BOT_USER, flags: 0 },
      ];
    }
    m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(r.path);
    if (m) {
      if (!authorized) return unauthorized;
      if (m[1] !== this.applicationId) return [403, { message: "Missing Access", code: 50001 }];
      const scope = m[2] ?? "global";
      if (r.method === "PUT") {
        const saved = (r.body as Record<string, unknown>[]).map((command) => ({
          id: this.snowflake(),
          application_id: this.applicationId,
          version: this.snowflake(),
          ...(m?.[2] ? { guild_id: m[2] } : {}),
          ...command,
        }));
        this.commands.set(scope, saved);
        return [200, saved];
      }
      if (r.method === "GET") return [200, this.commands.get(scope) ?? []];
    }
    m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(r.path);
    if (m && r.method === "POST")
      return this.responses.callback(m[1] as string, m[2] as string, r.body);
    m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(r.path);
    if (m) return this.responses.webhook(m[2] as string, m[3], r.method, r.body);
    return [404, { message: "404: Not Found", code: 0 }];
  }

  private record(request: RecordedRequest): void {
    this.requests.push(request);
    // Interaction callbacks and webhook calls both carry the token as the third segment.
    const m = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(request.path);
    if (!m) return;
    const token = m[1] as string;
    const list = this.byToken.get(token);
    if (list) list.push(request);
    else this.byToken.set(token, [request]);
  }

  private changed(): void {
    this.events.emit("change");
  }
}
