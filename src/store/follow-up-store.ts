import type { Answer } from "../answer/answer.ts";
import type { AskContext, SeenQuote } from "../engine/engine.ts";

/** Quotes remembered per chat: enough to page through one speaker, bounded in size. */
export const MAX_SEEN = 60;

/**
 * A short per-chat memory of the last answer, so "what else did he say?" can follow. It
 * only remembers and hands back: the engine decides what a follow-up means given the
 * speaker and the quotes already seen. Keyed by an opaque chat key the face makes
 * ("telegram:-100123"), so no platform type reaches it.
 */
export interface FollowUpStore {
  /** What the chat's last answer was about, if it has not expired. */
  recall(chatKey: string): Promise<AskContext | undefined>;
  /** Remembers an answer's speaker and quotes. */
  remember(chatKey: string, answer: Answer): Promise<void>;
  forget(chatKey: string): Promise<void>;
}

export interface FollowUpOptions {
  /** How long a chat's context lives after its last answer; 0 remembers nothing. */
  ttlMs: number;
  now?: () => number;
  /** Chats kept at most (in memory only); the least recently answered go first. */
  maxChats?: number;
}

/** What a chat remembers: the speaker its last answer was about and the quotes shown. */
export interface FollowUpContext {
  speaker: string | null;
  seen: SeenQuote[];
}

/**
 * The one rule every implementation applies: what the chat remembers after `answer`,
 * given what it remembered (still live) before; null when the answer leaves nothing to
 * follow up on (nothing was quoted), so the earlier context stays as it was.
 */
export function nextFollowUp(
  previous: FollowUpContext | undefined,
  answer: Answer,
): FollowUpContext | null {
  if (answer.status !== "answered" || answer.quotes.length === 0) return null;
  // Quotes seen so far still count when the conversation stays on the same person.
  const carried = previous !== undefined && previous.speaker === answer.speaker;
  const shown = answer.quotes.map((q) => ({
    articleId: q.source.articleId,
    paragraph: q.source.paragraph,
    start: q.start,
  }));
  const seen = [...(carried ? previous.seen : []), ...shown].slice(-MAX_SEEN);
  return { speaker: answer.speaker, seen };
}
