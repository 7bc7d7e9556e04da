import { randomBytes } from "node:crypto";
import type { Answer } from "../answer/answer.ts";

/** An answer a face sent, kept so its buttons ("More quotes", 👍/👎) can act on it. */
export interface CachedAnswer {
  question: string;
  answer: Answer;
  /** Quotes earlier pages showed, before this answer's first. */
  offset: number;
  /** How many of `answer.quotes` the message shows. */
  shown: number;
}

/**
 * Answers by a short id that a button carries. Asynchronous because, with several
 * instances, a button pressed under one instance's answer may reach another.
 */
export interface AnswerCache {
  /** Stores the answer and returns the short id its buttons carry. */
  put(entry: CachedAnswer): Promise<string>;
  get(id: string): Promise<CachedAnswer | undefined>;
}

export interface AnswerCacheOptions {
  ttlMs?: number;
  /** Answers kept at most (in memory only); the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

export const ANSWER_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_CACHED_ANSWERS = 5_000;

/** 8 URL-safe characters (48 random bits): unguessable enough for a button key. */
export function newAnswerId(): string {
  return randomBytes(6).toString("base64url");
}
