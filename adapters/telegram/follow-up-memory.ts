import type { Answer, AskContext, SeenQuote } from "../../src/index.ts";

/** Quotes remembered per chat: enough to page through one speaker, bounded in memory. */
const MAX_SEEN = 60;

export interface FollowUpMemory {
  /** What the chat's last answer was about, if it has not expired. */
  recall(chatKey: string): AskContext | undefined;
  /** Remembers an answer's speaker and quotes, so "what else did he say?" can follow. */
  remember(chatKey: string, answer: Answer): void;
  forget(chatKey: string): void;
}

export interface FollowUpMemoryOptions {
  /** How long a chat's context lives after its last answer; 0 remembers nothing. */
  ttlMs: number;
  now?: () => number;
  /** Chats kept at most; the least recently answered go first. */
  maxChats?: number;
}

interface Entry {
  speaker: string | null;
  seen: SeenQuote[];
  expiresAt: number;
}

/**
 * A short per-chat memory of the last answer. It only remembers and hands back: the
 * engine decides what a follow-up means given the speaker and the quotes already seen.
 * In-process on purpose (it expires in minutes); a multi-instance deployment would move
 * it beside the other state.
 */
export function createFollowUpMemory(options: FollowUpMemoryOptions): FollowUpMemory {
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
    recall(chatKey) {
      const entry = live(chatKey);
      return entry && { speaker: entry.speaker, seen: [...entry.seen] };
    },
    remember(chatKey, answer) {
      if (ttlMs <= 0 || answer.status !== "answered" || answer.quotes.length === 0) return;
      const previous = live(chatKey);
      // Quotes seen so far still count when the conversation stays on the same person.
      const carried = previous !== undefined && previous.speaker === answer.speaker;
      const shown = answer.quotes.map((q) => ({
        articleId: q.source.articleId,
        paragraph: q.source.paragraph,
        start: q.start,
      }));
      const seen = [...(carried ? previous.seen : []), ...shown].slice(-MAX_SEEN);
      entries.delete(chatKey);
      entries.set(chatKey, { speaker: answer.speaker, seen, expiresAt: now() + ttlMs });
      if (entries.size > maxChats) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    forget(chatKey) {
      entries.delete(chatKey);
    },
  };
}
