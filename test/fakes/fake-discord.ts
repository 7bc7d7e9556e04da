import { EventEmitter, once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/**
 * A fake Discord on 127.0.0.1 that the real discord.js talks to: REST under `/api/v10`
 * (point `rest.api` at `apiBase`) and a gateway WebSocket at the URL `GET /gateway/bot`
 * returns, speaking the real protocol (HELLO, IDENTIFY → READY, heartbeats and ACKs,
 * dispatches). Tests inject interactions as Discord would dispatch them and assert on the
 * REST calls the bot makes in return.
 */

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
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
}

/** Who acts and where: a server channel by default, a DM with `dm`. */
export interface Where {
  user: FakeUser;
  dm?: boolean;
  /** Dispatch an interaction whose token already expired (Discord's 3-second deadline passed). */
  expired?: boolean;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  // biome-ignore lint/suspicious/noExplicitAny: stored as the bot sent them
  embeds: any[];
  // biome-ignore lint/suspicious/noExplicitAny: stored as the bot sent them
  components: any[];
  flags: number;
  /** The interaction token whose response or followup this is. */
  token: string;
  deleted: boolean;
}

export interface InjectedInteraction {
  id: string;
  token: string;
}

/** The message fields of a callback, webhook edit or followup body. */
interface MessageData {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: unknown[] | null;
  flags?: number;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  channelId: string;
  acknowledged: boolean;
  expired: boolean;
  /** The message `@original` refers to: the response, or the message a button is on. */
  originalId?: string;
}

interface Session {
  socket: WebSocket;
  seq: number;
  identified: boolean;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** Short, so tests see heartbeats; Discord sends ~41 s. */
  heartbeatIntervalMs?: number;
}

const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

export const FAKE_TOKEN = "FAKE.discord-bot-token.for-tests-only-0123456789";
export const FAKE_APPLICATION_ID = "1100000000000000001";
export const FAKE_BOT_USER = {
  id: FAKE_APPLICATION_ID,
  username: "newsquote",
  discriminator: "0",
  global_name: "News Quote",
  avatar: null,
  bot: true,
  flags: 0,
};
export const GUILD_ID = "1300000000000000001";
export const GUILD_CHANNEL_ID = "1300000000000000002";

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, FakeMessage>();
  /** Commands as registered: "global", or the guild id. */
  readonly commands = new Map<string, unknown[]>();
  readonly identifies: { intents: number; token: string }[] = [];
  heartbeats = 0;
  /** For each closed gateway connection: how many REST requests had arrived by then. */
  readonly gatewayClosedAfter: number[] = [];

  private readonly events = new EventEmitter();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly sessions = new Set<Session>();
  private readonly rateLimitOnce: RegExp[] = [];
  private nextId = 1_400_000_000_000_000_000n;
  private seq = 0;
  private readonly heartbeatIntervalMs: number;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    options: FakeDiscordOptions,
  ) {
    this.token = options.token ?? FAKE_TOKEN;
    this.applicationId = options.applicationId ?? FAKE_APPLICATION_ID;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1_000;
    this.events.setMaxListeners(100);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server, path: "/gateway" });
    const fake = new FakeDiscord(server, wss, options);
    server.on("request", (req, res) => void fake.handleHttp(req, res));
    wss.on("connection", (socket) => fake.handleSocket(socket));
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

  /** The next request (already received or still to come) that matches. */
  async waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    description: string,
    timeoutMs = 15_000,
  ): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(predicate), description, timeoutMs);
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
    return this.requests.filter(
      (r) => r.path.includes(`/${interaction.id}/`) || r.path.includes(`/${interaction.token}`),
    );
  }

  /** Makes Discord answer 404 Unknown interaction (10062), as after the 3-second deadline. */
  expire(interaction: InjectedInteraction): void {
    const state = this.interactions.get(interaction.id);
    if (state) state.expired = true;
  }

  /** The next request whose path matches gets one 429 with a short Retry-After. */
  rateLimitNext(path: RegExp): void {
    this.rateLimitOnce.push(path);
  }

  /** Closes every gateway connection as Discord does before a reconnect (code 4000). */
  dropConnections(): void {
    for (const session of this.sessions) session.socket.close(4000, "Unknown error");
  }

  get readySessions(): number {
    return [...this.sessions].filter((s) => s.identified).length;
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

  private dispatchInteraction(
    type: number,
    where: Where,
    data: Record<string, unknown>,
    message?: FakeMessage,
  ): InjectedInteraction {
    const id = this.snowflake();
    const token = `aW50ZXJhY3Rpb246${id}${Math.random().toString(36).slice(2)}`;
    const user = {
      discriminator: "0",
      avatar: null,
      global_name: null,
      public_flags: 0,
      ...where.user,
    };
    const dmChannelId = `17${where.user.id.slice(2)}`;
    const channelId = where.dm ? dmChannelId : GUILD_CHANNEL_ID;
    const place = where.dm
      ? {
          user,
          channel_id: dmChannelId,
          channel: { id: dmChannelId, type: 1, recipients: [user], flags: 0 },
          context: 1,
          authorizing_integration_owners: { "1": where.user.id },
        }
      : {
          guild_id: GUILD_ID,
          guild: { id: GUILD_ID, locale: "en-US", features: [] },
          guild_locale: "en-US",
          channel_id: GUILD_CHANNEL_ID,
          channel: { id: GUILD_CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general", flags: 0 },
          member: {
            user,
            roles: [],
            permissions: "2248473465835073",
            joined_at: "2024-01-01T00:00:00.000Z",
            deaf: false,
            mute: false,
            flags: 0,
            nick: null,
            avatar: null,
            premium_since: null,
            pending: false,
          },
          context: 0,
          authorizing_integration_owners: { "0": GUILD_ID },
        };
    const payload = {
      id,
      application_id: this.applicationId,
      type,
      data,
      token,
      version: 1,
      locale: "en-US",
      app_permissions: "2248473465835073",
      entitlements: [],
      attachment_size_limit: 10_485_760,
      ...place,
      ...(message ? { message: this.messageObject(message) } : {}),
    };
    this.interactions.set(id, {
      id,
      token,
      type,
      channelId,
      acknowledged: false,
      expired: where.expired ?? false,
      ...(message ? { originalId: message.id } : {}),
    });
    this.dispatch("INTERACTION_CREATE", payload);
    return { id, token };
  }

  /** Sends a dispatch to every identified gateway session. */
  dispatch(event: string, data: unknown): void {
    const ready = [...this.sessions].filter((s) => s.identified);
    if (ready.length === 0) throw new Error(`fake Discord: no bot connected to receive ${event}`);
    for (const session of ready) {
      session.seq += 1;
      session.socket.send(JSON.stringify({ op: 0, t: event, s: session.seq, d: data }));
    }
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- gateway -------------------------------------------------------------------------

  private handleSocket(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, identified: false };
    this.sessions.add(session);
    socket.on("close", () => {
      this.gatewayClosedAfter.push(this.seq);
      this.sessions.delete(session);
      this.changed();
    });
    socket.on("message", (raw) => this.handleGatewayMessage(session, raw.toString()));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
  }

  private handleGatewayMessage(session: Session, raw: string): void {
    const packet = JSON.parse(raw) as { op: number; d: { token?: string; intents?: number } };
    switch (packet.op) {
      case 1: // Heartbeat
        this.heartbeats += 1;
        session.socket.send(JSON.stringify({ op: 11 }));
        break;
      case 2: {
        // Identify
        const intents = packet.d.intents ?? 0;
        this.identifies.push({ intents, token: packet.d.token ?? "" });
        if (packet.d.token !== this.token) {
          session.socket.close(4004, "Authentication failed.");
          break;
        }
        if ((intents & PRIVILEGED_INTENTS) !== 0) {
          session.socket.close(4014, "Disallowed intent(s).");
          break;
        }
        session.identified = true;
        session.seq += 1;
        session.socket.send(
          JSON.stringify({
            op: 0,
            t: "READY",
            s: session.seq,
            d: {
              v: 10,
              user: FAKE_BOT_USER,
              guilds: [],
              session_id: `session-${this.snowflake()}`,
              resume_gateway_url: this.gatewayUrl,
              shard: [0, 1],
              application: { id: this.applicationId, flags: 0 },
              private_channels: [],
              presences: [],
              relationships: [],
              guild_join_requests: [],
              user_settings: {},
              geo_ordered_rtc_regions: [],
            },
          }),
        );
        break;
      }
      case 6: // Resume: not supported here; Discord's answer is "invalid session, not resumable".
        session.socket.send(JSON.stringify({ op: 9, d: false }));
        break;
      default:
        break;
    }
    this.changed();
  }

  // --- REST ----------------------------------------------------------------------------

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ""));
    const request: RecordedRequest = {
      seq: ++this.seq,
      method: req.method ?? "GET",
      path,
      query: url.searchParams,
      body: text && req.headers["content-type"]?.includes("json") ? JSON.parse(text) : text,
      authorization: req.headers.authorization,
      status: 0,
    };
    const limited = this.rateLimitOnce.findIndex((pattern) => pattern.test(path));
    const [status, body, headers] =
      limited >= 0
        ? this.rateLimited(limited)
        : url.pathname.startsWith("/api/v10/")
          ? this.route(request)
          : [404, { message: "404: Not Found", code: 0 }];
    request.status = status;
    this.requests.push(request);
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
    if (m && r.method === "POST") return this.callback(m[1] as string, m[2] as string, r);
    m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(r.path);
    if (m) return this.webhook(m[2] as string, m[3], r);
    return [404, { message: "404: Not Found", code: 0 }];
  }

  private callback(id: string, token: string, r: RecordedRequest): [number, unknown] {
    const state = this.interactions.get(id);
    if (!state || state.token !== token || state.expired) {
      return [404, { message: "Unknown interaction", code: 10062 }];
    }
    if (state.acknowledged) {
      return [400, { message: "Interaction has already been acknowledged.", code: 40060 }];
    }
    state.acknowledged = true;
    const { type, data } = r.body as { type: number; data?: MessageData };
    if (type === 4 || type === 5) {
      // A reply, or "thinking…" to be edited later: either way the @original message.
      const message = this.storeMessage(state, data ?? {});
      state.originalId = message.id;
    } else if (type === 7 && state.originalId) {
      this.editMessage(state.originalId, data ?? {});
    }
    return [204, undefined];
  }

  private webhook(
    token: string,
    target: string | undefined,
    r: RecordedRequest,
  ): [number, unknown] {
    const state = [...this.interactions.values()].find((s) => s.token === token);
    if (!state) return [404, { message: "Unknown Webhook", code: 10015 }];
    if (target === undefined && r.method === "POST") {
      if (!state.acknowledged) return [400, { message: "Unknown Webhook", code: 10015 }];
      return [200, this.messageObject(this.storeMessage(state, r.body))];
    }
    const messageId = target === "@original" ? state.originalId : target;
    const message = messageId ? this.messages.get(messageId) : undefined;
    if (!message || message.deleted) return [404, { message: "Unknown Message", code: 10008 }];
    if (r.method === "PATCH")
      return [200, this.messageObject(this.editMessage(message.id, r.body))];
    if (r.method === "DELETE") {
      message.deleted = true;
      return [204, undefined];
    }
    if (r.method === "GET") return [200, this.messageObject(message)];
    return [405, { message: "405: Method Not Allowed", code: 0 }];
  }

  private storeMessage(state: InteractionState, data: MessageData): FakeMessage {
    const message: FakeMessage = {
      id: this.snowflake(),
      channel_id: state.channelId,
      content: data.content ?? "",
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      flags: data.flags ?? 0,
      token: state.token,
      deleted: false,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private editMessage(id: string, data: MessageData): FakeMessage {
    const message = this.messages.get(id) as FakeMessage;
    if (data.content !== undefined) message.content = data.content ?? "";
    if (data.embeds !== undefined) message.embeds = data.embeds ?? [];
    if (data.components !== undefined) message.components = data.components ?? [];
    return message;
  }

  private messageObject(message: FakeMessage) {
    return {
      id: message.id,
      type: 0,
      channel_id: message.channel_id,
      author: FAKE_BOT_USER,
      content: message.content,
      embeds: message.embeds,
      components: message.components,
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: message.flags,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
    };
  }

  private changed(): void {
    this.events.emit("change");
  }
}
