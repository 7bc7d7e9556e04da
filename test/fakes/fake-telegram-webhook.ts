import { setTimeout as sleep } from "node:timers/promises";

export interface Delivery {
  /** The status of each attempt; 0 where the connection failed. */
  statuses: number[];
}

/**
 * Telegram's side of a webhook: POSTs an update with the secret header and, as Telegram
 * does, delivers it again while the answer is not a 2xx (an error status, a refused or cut
 * connection), here after a short pause rather than Telegram's growing backoff.
 */
export function createWebhookSender(options: {
  secret: string;
  retryDelayMs?: number;
  maxAttempts?: number;
}) {
  const { secret, retryDelayMs = 200, maxAttempts = 100 } = options;
  return async function deliver(
    url: string,
    update: { update_id: number } & Record<string, unknown>,
  ): Promise<Delivery> {
    const statuses: number[] = [];
    while (statuses.length < maxAttempts) {
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-telegram-bot-api-secret-token": secret,
          },
          body: JSON.stringify(update),
        });
        await res.arrayBuffer();
        statuses.push(res.status);
        if (res.ok) return { statuses };
      } catch {
        statuses.push(0);
      }
      await sleep(retryDelayMs);
    }
    throw new Error(
      `update ${update.update_id} not accepted in ${maxAttempts} attempts: ${statuses}`,
    );
  };
}
