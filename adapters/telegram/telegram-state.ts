/**
 * The Telegram face's state for health checks: `starting` until the token is checked
 * and updates flow, `failed` when long polling stopped for good (409: another instance
 * polls with the token), `stopping` once a shutdown began.
 */
export type TelegramState = "starting" | "polling" | "webhook" | "failed" | "stopping";

export const TELEGRAM_SERVING_STATES: readonly TelegramState[] = ["polling", "webhook"];
