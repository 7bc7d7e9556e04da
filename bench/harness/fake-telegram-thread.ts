/**
 * The fake Telegram Bot API (test/fakes) in a worker thread of its own, so it does not
 * take CPU from the bot it serves: Telegram's servers are elsewhere too. The main thread
 * queues updates through messages; the worker reports each sendMessage as it arrives.
 */
import { parentPort } from "node:worker_threads";
import { startFakeTelegramApi } from "../../test/fakes/fake-telegram-api.ts";

export type ToFake = { type: "push"; updates: Record<string, unknown>[] } | { type: "close" };
export type FromFake =
  | { type: "ready"; apiRoot: string; token: string }
  | { type: "reply"; chatId: number; at: number; requests: number }
  | { type: "closed" };

const port = parentPort;
if (port) {
  const fake = await startFakeTelegramApi();
  // One listener sees every request as it arrives; it never matches, so it never ends.
  fake
    .waitFor(
      (request) => {
        if (request.method === "sendMessage") {
          const reply: FromFake = {
            type: "reply",
            chatId: Number(request.params.chat_id),
            // Epoch milliseconds: comparable across threads, unlike performance.now().
            at: performance.timeOrigin + performance.now(),
            requests: fake.mark(),
          };
          port.postMessage(reply);
        }
        return false;
      },
      { timeoutMs: 3_600_000 },
    )
    .catch(() => {});
  port.on("message", async (message: ToFake) => {
    if (message.type === "push") {
      for (const update of message.updates) fake.pushUpdate(update);
    } else {
      await fake.close();
      port.postMessage({ type: "closed" } satisfies FromFake);
      process.exit(0);
    }
  });
  port.postMessage({
    type: "ready",
    apiRoot: fake.apiRoot,
    token: fake.token,
  } satisfies FromFake);
}
