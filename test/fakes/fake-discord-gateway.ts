import type { WebSocket, WebSocketServer } from "ws";
import { readyPayload } from "./fake-discord-payloads.ts";

const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

interface Session {
  socket: WebSocket;
  seq: number;
  identified: boolean;
}

export interface FakeGatewayOptions {
  token: string;
  applicationId: string;
  url: () => string;
  heartbeatIntervalMs: number;
  newId: () => string;
  /** Called after every gateway event, so waiters re-check. */
  onChange: () => void;
  /** Called when a connection closes. */
  onClose: () => void;
}

/**
 * The gateway half of the fake Discord, speaking the real protocol: HELLO with a heartbeat
 * interval, IDENTIFY → READY (or close 4004 for a wrong token, 4014 for a privileged
 * intent), heartbeat ACKs, RESUME answered with "invalid session", and dispatches.
 */
export class FakeGateway {
  readonly identifies: { intents: number; token: string }[] = [];
  heartbeats = 0;
  private readonly sessions = new Set<Session>();

  constructor(
    wss: WebSocketServer,
    private readonly options: FakeGatewayOptions,
  ) {
    wss.on("connection", (socket) => this.accept(socket));
  }

  get readySessions(): number {
    return [...this.sessions].filter((s) => s.identified).length;
  }

  /** Sends a dispatch to every identified session. */
  dispatch(event: string, data: unknown): void {
    const ready = [...this.sessions].filter((s) => s.identified);
    if (ready.length === 0) throw new Error(`fake Discord: no bot connected to receive ${event}`);
    for (const session of ready) {
      session.seq += 1;
      session.socket.send(JSON.stringify({ op: 0, t: event, s: session.seq, d: data }));
    }
  }

  /** Closes every connection as Discord does before asking for a reconnect (code 4000). */
  dropConnections(): void {
    for (const session of this.sessions) session.socket.close(4000, "Unknown error");
  }

  terminate(): void {
    for (const session of this.sessions) session.socket.terminate();
  }

  private accept(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, identified: false };
    this.sessions.add(session);
    socket.on("close", () => {
      this.options.onClose();
      this.sessions.delete(session);
      this.options.onChange();
    });
    socket.on("message", (raw) => this.receive(session, raw.toString()));
    const hello = { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } };
    socket.send(JSON.stringify(hello));
  }

  private receive(session: Session, raw: string): void {
    const packet = JSON.parse(raw) as { op: number; d: { token?: string; intents?: number } };
    switch (packet.op) {
      case 1: // Heartbeat
        this.heartbeats += 1;
        session.socket.send(JSON.stringify({ op: 11 }));
        break;
      case 2:
        this.identify(session, packet.d.token ?? "", packet.d.intents ?? 0);
        break;
      case 6: // Resume: not kept here; Discord's answer is "invalid session, not resumable".
        session.socket.send(JSON.stringify({ op: 9, d: false }));
        break;
      default:
        break;
    }
    this.options.onChange();
  }

  private identify(session: Session, token: string, intents: number): void {
    this.identifies.push({ intents, token });
    if (token !== this.options.token) {
      session.socket.close(4004, "Authentication failed.");
      return;
    }
    if ((intents & PRIVILEGED_INTENTS) !== 0) {
      session.socket.close(4014, "Disallowed intent(s).");
      return;
    }
    session.identified = true;
    session.seq += 1;
    const d = readyPayload({
      sessionId: `session-${this.options.newId()}`,
      gatewayUrl: this.options.url(),
      applicationId: this.options.applicationId,
    });
    session.socket.send(JSON.stringify({ op: 0, t: "READY", s: session.seq, d }));
  }
}
