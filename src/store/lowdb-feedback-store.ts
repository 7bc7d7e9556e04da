import path from "node:path";
import { z } from "zod";
import { AppError } from "../errors.ts";
import type { FeedbackStore, VoteInput, VoteOutcome, VoteTally } from "./feedback-store.ts";
import { NODE_STORE_FILE_SYSTEM, type StoreFileSystem } from "./store-file-system.ts";
import { storeIoError } from "./store-io-error.ts";
import { StoredQuoteSchema, storedQuote } from "./stored-quote.ts";
import { writeAtomically } from "./write-atomically.ts";

export const FEEDBACK_FILE_NAME = "feedback.json";

const StoredAnswerSchema = z.object({
  platform: z.string(),
  answerId: z.string(),
  question: z.string(),
  quotes: z.array(StoredQuoteSchema),
  /** userId → that user's current vote. A map, so one vote per user holds by construction. */
  votes: z.record(z.string(), z.object({ vote: z.enum(["up", "down"]), at: z.string() })),
});

const FeedbackFileSchema = z.object({
  version: z.literal(1),
  /** Keyed by `${platform}:${answerId}`. */
  answers: z.record(z.string(), StoredAnswerSchema),
});

export type FeedbackFile = z.infer<typeof FeedbackFileSchema>;

const EMPTY: FeedbackFile = { version: 1, answers: {} };

export interface LowdbFeedbackStoreOptions {
  /** The bot's data folder (DATA_DIR); created if missing. */
  dataDir: string;
  now?: () => Date;
  /** The file operations; tests pass failing ones (a read-only or full disk). */
  fs?: StoreFileSystem;
}

class CorruptFileError extends Error {}

/**
 * Feedback in `${dataDir}/feedback.json`, kept in memory and written whole after each
 * vote: a temporary file renamed over the old one, so a crash mid-write leaves the old
 * file whole, and a failed write (full disk, read-only) leaves no temporary behind and
 * throws an AppError STORE_UNWRITABLE naming the file. One process per file: the data
 * lives in memory and writes from others are not merged.
 *
 * A file that is not valid JSON of the expected shape is refused at open, and never
 * overwritten: it may hold votes someone wants back.
 */
export async function openLowdbFeedbackStore(
  options: LowdbFeedbackStoreOptions,
): Promise<FeedbackStore> {
  const now = options.now ?? (() => new Date());
  const fs = options.fs ?? NODE_STORE_FILE_SYSTEM;
  const { dataDir } = options;
  const file = path.join(dataDir, FEEDBACK_FILE_NAME);
  try {
    await fs.mkdir(dataDir);
  } catch (error) {
    throw storeIoError(error, "create", dataDir, dataDir);
  }
  let text: string | null;
  try {
    text = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw storeIoError(error, "read", file, dataDir);
    }
    text = null;
  }
  let data: FeedbackFile;
  try {
    data = text === null ? structuredClone(EMPTY) : parseFeedbackFile(text);
  } catch (error) {
    if (error instanceof CorruptFileError) {
      throw new AppError(
        "STORE_CORRUPT",
        `The feedback file ${file} is damaged (${error.message}). It was left as it is: fix it, or move it aside to start a new one.`,
        { cause: error },
      );
    }
    throw error;
  }
  // One write at a time (they share the temporary file); each writes the latest state.
  let writing: Promise<unknown> = Promise.resolve();
  const write = (): Promise<void> => {
    const next = writing.then(() =>
      writeAtomically(fs, file, `${JSON.stringify(data, null, 2)}\n`, dataDir),
    );
    writing = next.catch(() => {});
    return next;
  };

  return {
    async vote(input: VoteInput): Promise<VoteOutcome> {
      const key = `${input.platform}:${input.answerId}`;
      const answer = data.answers[key] ?? {
        platform: input.platform,
        answerId: input.answerId,
        question: input.question,
        quotes: input.quotes.map(storedQuote),
        votes: {},
      };
      data.answers[key] = answer;
      const previous = answer.votes[input.userId];
      if (previous?.vote === input.vote) return "unchanged";
      answer.votes[input.userId] = { vote: input.vote, at: now().toISOString() };
      try {
        await write();
      } catch (error) {
        // Keep memory as the file has it, so a retry is not reported as "unchanged".
        if (previous) answer.votes[input.userId] = previous;
        else delete answer.votes[input.userId];
        throw error;
      }
      return previous ? "changed" : "recorded";
    },

    async votesFor(platform: string, answerId: string): Promise<VoteTally> {
      const votes = Object.values(data.answers[`${platform}:${answerId}`]?.votes ?? {});
      return {
        up: votes.filter((v) => v.vote === "up").length,
        down: votes.filter((v) => v.vote === "down").length,
      };
    },
  };
}

/**
 * Every answer and vote in `${dataDir}/feedback.json` (none when there is no file), for
 * copying them elsewhere (`corpus migrate-store`). A damaged file is refused as at open.
 */
export async function readLowdbFeedback(
  dataDir: string,
  fs: StoreFileSystem = NODE_STORE_FILE_SYSTEM,
): Promise<FeedbackFile> {
  const file = path.join(dataDir, FEEDBACK_FILE_NAME);
  let text: string;
  try {
    text = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return structuredClone(EMPTY);
    throw storeIoError(error, "read", file, dataDir);
  }
  try {
    return parseFeedbackFile(text);
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    throw new AppError(
      "STORE_CORRUPT",
      `The feedback file ${file} is damaged (${error.message}). It was left as it is: fix it, or move it aside.`,
      { cause: error },
    );
  }
}

function parseFeedbackFile(text: string): FeedbackFile {
  // An empty file holds nothing to lose (e.g. made by `touch`): start afresh.
  if (text.trim() === "") return structuredClone(EMPTY);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorruptFileError(`not valid JSON: ${(error as Error).message}`);
  }
  const parsed = FeedbackFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptFileError(
      `unexpected content at ${issue?.path.join(".") || "the top level"}: ${issue?.message}`,
    );
  }
  return parsed.data;
}
