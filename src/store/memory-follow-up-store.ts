import {
  type FollowUpContext,
  type FollowUpOptions,
  type FollowUpStore,
  nextFollowUp,
} from "./follow-up-store.ts";

interface Entry extends FollowUpContext {
  expiresAt: number;
}

/**
 * The single-instance follow-up memory: in this process on purpose (it expires in
 * minutes, so a restart loses little), bounded by `maxChats`.
 */
export function createFollowUpMemory(options: FollowUpOptions): FollowUpStore {
  const { ttlMs, now = Date.now, maxChats = 50_000 } = options;
  const entries = new Map<string, Entry>();

  function live(chatKey: string): Entry | undefined {
    const entry = entries.get(chatKey);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(chatKey);
      return undefined;
    }
    return entry;
  }

  return {
    async recall(chatKey) {
      const entry = live(chatKey);
      return entry && { speaker: entry.speaker, seen: [...entry.seen] };
    },
    async remember(chatKey, answer) {
      if (ttlMs <= 0) return;
      const next = nextFollowUp(live(chatKey), answer);
      if (next === null) return;
      entries.delete(chatKey);
      entries.set(chatKey, { ...next, expiresAt: now() + ttlMs });
      if (entries.size > maxChats) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    async forget(chatKey) {
      entries.delete(chatKey);
    },
  };
}
