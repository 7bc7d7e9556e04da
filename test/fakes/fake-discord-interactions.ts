import { type FakeMessage, messageObject } from "./fake-discord-payloads.ts";

/** The message fields of a callback, webhook edit or followup body. */
export interface MessageData {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: unknown[] | null;
  flags?: number;
}

export interface InteractionState {
  id: string;
  token: string;
  channelId: string;
  acknowledged: boolean;
  expired: boolean;
  /** The message `@original` refers to: the response, or the message a button is on. */
  originalId?: string;
}

/**
 * The interaction half of the fake Discord's REST: acknowledging (once, within the token's
 * life), the `@original` response, followups, edits and deletes, as Discord answers them,
 * with Discord's error codes (10062 Unknown interaction, 40060 already acknowledged).
 */
export class FakeInteractionResponses {
  readonly messages = new Map<string, FakeMessage>();
  private readonly interactions = new Map<string, InteractionState>();

  constructor(
    private readonly newId: () => string,
    private readonly applicationId: string,
  ) {}

  /** Registers a dispatched interaction so its token can be answered. */
  expect(state: InteractionState): void {
    this.interactions.set(state.id, state);
  }

  /** `POST /interactions/:id/:token/callback`. */
  callback(
    id: string,
    token: string,
    body: { type: number; data?: MessageData },
  ): [number, unknown] {
    const state = this.interactions.get(id);
    if (!state || state.token !== token || state.expired) {
      return [404, { message: "Unknown interaction", code: 10062 }];
    }
    if (state.acknowledged) {
      return [400, { message: "Interaction has already been acknowledged.", code: 40060 }];
    }
    state.acknowledged = true;
    const { type, data } = body;
    if (type === 4 || type === 5) {
      // A reply, or "thinking…" to be edited later: either way the @original message.
      const message = this.storeMessage(state, data ?? {});
      state.originalId = message.id;
    } else if (type === 7 && state.originalId) {
      this.editMessage(state.originalId, data ?? {});
    }
    return [204, undefined];
  }

  /** `/webhooks/:appId/:token[/messages/:id]`: followups, edits, deletes. */
  webhook(
    token: string,
    target: string | undefined,
    method: string,
    body: MessageData,
  ): [number, unknown] {
    const state = [...this.interactions.values()].find((s) => s.token === token);
    if (!state) return [404, { message: "Unknown Webhook", code: 10015 }];
    if (target === undefined && method === "POST") {
      if (!state.acknowledged) return [400, { message: "Unknown Webhook", code: 10015 }];
      return [200, messageObject(this.storeMessage(state, body), this.applicationId)];
    }
    const messageId = target === "@original" ? state.originalId : target;
    const message = messageId ? this.messages.get(messageId) : undefined;
    if (!message || message.deleted) return [404, { message: "Unknown Message", code: 10008 }];
    if (method === "PATCH")
      return [200, messageObject(this.editMessage(message.id, body), this.applicationId)];
    if (method === "DELETE") {
      message.deleted = true;
      return [204, undefined];
    }
    if (method === "GET") return [200, messageObject(message, this.applicationId)];
    return [405, { message: "405: Method Not Allowed", code: 0 }];
  }

  private storeMessage(state: InteractionState, data: MessageData): FakeMessage {
    const message: FakeMessage = {
      id: this.newId(),
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
}
