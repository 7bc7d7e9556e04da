/**
 * The Discord face's state for health checks: `connecting` while logging in or while
 * discord.js reconnects the gateway, `failed` once the gateway closed the connection for
 * good, `stopping` once a shutdown began.
 */
export type DiscordState = "connecting" | "ready" | "failed" | "stopping";

export const DISCORD_SERVING_STATES: readonly DiscordState[] = ["ready"];
