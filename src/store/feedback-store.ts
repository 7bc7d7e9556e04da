import type { Quote } from "../answer/answer.ts";

export type FeedbackVote = "up" | "down";

/** One person's vote on one answer, with what they were shown, so it can be reviewed later. */
export interface VoteInput {
  /** The id the face gave the answer (unique within its platform). */
  answerId: string;
  /** The platform's user id, as a string ("123456789012345678"). */
  userId: string;
  /** "discord", "telegram", …: ids are only unique within a platform. */
  platform: string;
  vote: FeedbackVote;
  question: string;
  quotes: readonly Quote[];
}

/** What a vote did: a first vote, a changed one, or the same vote again (nothing changed). */
export type VoteOutcome = "recorded" | "changed" | "unchanged";

export interface VoteTally {
  up: number;
  down: number;
}

/**
 * Where answer feedback is kept. One vote per user per answer: voting again replaces the
 * earlier vote. Platform-free, so every face records votes the same way; a new backend
 * (PostgreSQL) is a new implementation of this interface.
 */
export interface FeedbackStore {
  vote(input: VoteInput): Promise<VoteOutcome>;
  votesFor(platform: string, answerId: string): Promise<VoteTally>;
}
