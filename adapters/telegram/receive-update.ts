import type { IncomingMessage } from "node:http";
import type { Update } from "grammy/types";

/** Telegram's updates are a few kilobytes; a body past this is not one. */
export const MAX_UPDATE_BYTES = 1024 * 1024;

/** A webhook body that is not an update: too large, not JSON, or without an update_id. */
export class NotAnUpdate extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413,
  ) {
    super(message);
  }
}

/** Reads a webhook POST's body as one update, refusing what cannot be one. */
export async function receiveUpdate(req: IncomingMessage): Promise<Update> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPDATE_BYTES) throw new NotAnUpdate("body too large for an update", 413);
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new NotAnUpdate("body is not JSON", 400);
  }
  const id = (body as { update_id?: unknown } | null)?.update_id;
  if (typeof body !== "object" || !Number.isSafeInteger(id) || (id as number) < 0) {
    throw new NotAnUpdate("body has no update_id", 400);
  }
  return body as Update;
}
