import { createPublicKey, type KeyObject, verify } from "node:crypto";

/**
 * An Ed25519 public key as DER (SubjectPublicKeyInfo): this fixed 12-byte header, then the
 * 32 bytes Discord shows as hex. Node's crypto takes raw Ed25519 keys only in this form
 * (or as a JWK), so no signature library is needed.
 */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const SIGNATURE = /^[0-9a-fA-F]{128}$/;
const TIMESTAMP = /^\d{1,15}$/;

/**
 * How far a request's timestamp may be from this machine's clock. Discord signs when it
 * sends, so a fresh request is seconds old; an older one is a replay of a captured request
 * (a moderator's /add, say), refused whatever its signature.
 */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

export type SignatureCheck = "valid" | "missing" | "invalid" | "stale";

export interface SignedRequest {
  /** `X-Signature-Ed25519`: 64 bytes as hex. */
  signature: string | undefined;
  /** `X-Signature-Timestamp`: Unix seconds, as Discord sent them. */
  timestamp: string | undefined;
  /** The body exactly as received: the signature covers its bytes, not a re-serialised JSON. */
  body: Buffer;
}

/**
 * Checks that a request to the interactions endpoint was signed by Discord with the
 * application's key: an Ed25519 signature over the timestamp header followed by the raw
 * body. `publicKeyHex` is DISCORD_PUBLIC_KEY (64 hex characters).
 */
export function createSignatureVerifier(
  publicKeyHex: string,
  now: () => number = Date.now,
): (request: SignedRequest) => SignatureCheck {
  const key: KeyObject = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKeyHex, "hex")]),
    format: "der",
    type: "spki",
  });
  return ({ signature, timestamp, body }) => {
    if (signature === undefined || timestamp === undefined) return "missing";
    if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return "invalid";
    const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
    if (!verify(null, signed, key, Buffer.from(signature, "hex"))) return "invalid";
    const ageMs = Math.abs(now() - Number(timestamp) * 1000);
    return ageMs > MAX_SIGNATURE_AGE_MS ? "stale" : "valid";
  };
}
