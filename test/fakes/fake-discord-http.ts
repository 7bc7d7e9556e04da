import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import type { FakeDiscord, HttpInteraction } from "./fake-discord.ts";

export interface Delivery {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: whatever the bot answered
  body: any;
}

export interface RawPost {
  /** The body as sent (and signed); defaults to the payload as JSON. */
  body?: string;
  /** Headers to send instead of a valid signature; `{}` sends none. */
  headers?: Record<string, string>;
}

/**
 * Discord's side of an interactions endpoint: an application key pair (the test hands
 * `publicKey` to the bot as DISCORD_PUBLIC_KEY), requests signed as Discord signs them
 * (Ed25519 over the timestamp header followed by the raw body), and each HTTP answer taken
 * in by the fake Discord as the interaction's response.
 */
export class FakeDiscordSender {
  /** DISCORD_PUBLIC_KEY: the raw 32-byte key as hex, as the Developer Portal shows it. */
  readonly publicKey: string;
  private readonly privateKey: KeyObject;

  constructor(private readonly fake: FakeDiscord) {
    const pair = generateKeyPairSync("ed25519");
    this.privateKey = pair.privateKey;
    const jwk = pair.publicKey.export({ format: "jwk" });
    this.publicKey = Buffer.from(jwk.x as string, "base64url").toString("hex");
  }

  /** Valid signature headers for `body`, signed now (or at `timestamp`, Unix seconds). */
  signedHeaders(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const signature = sign(null, Buffer.from(`${timestamp}${body}`), this.privateKey);
    return {
      "x-signature-ed25519": signature.toString("hex"),
      "x-signature-timestamp": String(timestamp),
    };
  }

  /** POSTs as Discord does, then takes the bot's answer in as the interaction's response. */
  async deliver(url: string, interaction: HttpInteraction): Promise<Delivery> {
    const done = this.fake.deliveryStarted(interaction);
    try {
      const delivery = await this.post(url, interaction.payload);
      if (delivery.status === 200) this.fake.inlineResponse(interaction, delivery.body);
      return delivery;
    } finally {
      done();
    }
  }

  /** One POST, signed unless `raw.headers` says otherwise; nothing is taken in. */
  async post(url: string, payload: unknown, raw: RawPost = {}): Promise<Delivery> {
    const body = raw.body ?? JSON.stringify(payload);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(raw.headers ?? this.signedHeaders(body)) },
      body,
    });
    const text = await response.text();
    const json = response.headers.get("content-type")?.includes("json");
    return { status: response.status, body: json ? JSON.parse(text) : text };
  }
}
