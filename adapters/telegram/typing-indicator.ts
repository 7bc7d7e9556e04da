import type { Api } from "grammy";
import type { Logger } from "../../src/index.ts";

/** Telegram shows a chat action for about 5 seconds; renew a little before it fades. */
const RENEW_MS = 4_500;

/**
 * Shows "typing…" in a chat until the returned function is called. Best effort: a failed
 * chat action is logged and never delays or fails the answer itself.
 */
export function startTyping(api: Api, chatId: number, logger: Logger): () => void {
  const send = () => {
    api.sendChatAction(chatId, "typing").catch((error: unknown) => {
      logger.debug({ chatId, err: String(error) }, "chat action failed");
    });
  };
  send();
  const timer = setInterval(send, RENEW_MS);
  timer.unref();
  return () => clearInterval(timer);
}
