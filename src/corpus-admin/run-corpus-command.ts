import { AppError } from "../errors.ts";
import type { Logger } from "../log/logger.ts";
import type { Actor } from "../store/corpus-store.ts";
import { type ChangeSummary, formatSummary } from "./change-summary.ts";
import type { CorpusManager } from "./corpus-manager.ts";
import { parseSource } from "./parse-source.ts";
import type { Progress } from "./read-sources.ts";
import { createStatusLine } from "./status-line.ts";

/** A moderator's command from chat, once the face has checked who sent it. */
export type CorpusCommand =
  | { action: "add"; url: string }
  | { action: "remove"; id: string }
  | { action: "refresh" };

export interface CorpusCommandOutcome {
  status: "done" | "busy" | "failed" | "refused";
  /** The last text shown: the summary, why it was refused, or what went wrong. */
  text: string;
  summary?: ChangeSummary;
}

export interface RunCorpusCommandOptions {
  manager: CorpusManager;
  command: CorpusCommand;
  actor: Actor;
  /**
   * Shows the status in chat: the first call sends the status message, later calls edit it
   * (Discord edits its deferred reply every time). Paced by `minIntervalMs`.
   */
  show: (text: string) => Promise<void>;
  logger: Logger;
  /** What of an error is safe to log (the face's own: platform errors may quote tokens). */
  describeError?: (error: unknown) => Record<string, unknown>;
  /** Telegram and Discord both accept about one edit a second per message; 1.5 s is safe. */
  minIntervalMs?: number;
  now?: () => number;
}

export const STATUS_INTERVAL_MS = 1_500;
/** Longest URL or id echoed back; the rest is cut with "…". */
const ECHO_LIMIT = 200;
/** Article ids listed per kind of change in the final message; the rest are counted. */
const IDS_LISTED = 10;

/**
 * Why a command from chat cannot run, in words for the moderator; null when it can. Chat
 * adds absolute http(s) URLs only (parseSource decides, as the manager does again): a
 * path would make the bot read a file on its own machine. What is echoed is what the
 * moderator typed, never anything read from disk.
 */
export function problemWithCommand(command: CorpusCommand): string | null {
  if (command.action === "add") {
    const url = command.url.trim();
    const source = parseSource(url, "chat");
    if (source.kind === "invalid") {
      const reason = `${source.reason.charAt(0).toUpperCase()}${source.reason.slice(1)}.`;
      return url === "" ? reason : `Cannot add "${echo(url)}": ${source.reason}.`;
    }
  }
  if (command.action === "remove" && command.id.trim() === "") {
    return "Give the id of an added article or of a source: /sources lists them.";
  }
  return null;
}

/**
 * Runs one moderator command from chat: tells at once if the corpus is busy, otherwise
 * shows what is being done, follows the progress, and ends with the summary line the CLI
 * prints. Never throws: this is the edge where a background operation's failure is
 * caught, logged and told to the moderator (the corpus is unchanged then).
 */
export async function runCorpusCommand(
  options: RunCorpusCommandOptions,
): Promise<CorpusCommandOutcome> {
  const { manager, command, actor, logger } = options;
  const now = options.now ?? Date.now;
  const describe = options.describeError ?? errorFields;
  const label = commandLabel(command);
  const status = createStatusLine({
    show: options.show,
    minIntervalMs: options.minIntervalMs ?? STATUS_INTERVAL_MS,
    now,
    onError: (error) =>
      logger.warn({ err: describe(error), command: command.action }, "could not show status"),
  });
  const end = async (outcome: CorpusCommandOutcome): Promise<CorpusCommandOutcome> => {
    await status.finish(outcome.text);
    return outcome;
  };

  const problem = problemWithCommand(command);
  if (problem !== null) return end({ status: "refused", text: problem });
  const running = manager.running();
  if (running !== null) return end({ status: "busy", text: busyText(running) });

  // A removal is one store write: its result is the first and only status.
  if (command.action !== "remove") status.update(startText(command));
  const onProgress = (progress: Progress) => status.update(progressText(label, progress));
  const started = now();
  let summary: ChangeSummary;
  try {
    summary =
      command.action === "add"
        ? await manager.add(command.url.trim(), actor, onProgress, "chat")
        : command.action === "remove"
          ? await manager.remove(command.id.trim(), actor)
          : await manager.refresh(actor, onProgress);
  } catch (error) {
    if (error instanceof AppError && error.code === "STORE_BUSY") {
      return end({ status: "busy", text: error.message });
    }
    if (error instanceof AppError) {
      logger.error({ code: error.code, command: command.action }, "corpus command failed");
      return end({ status: "failed", text: `${label} failed: ${error.message}` });
    }
    logger.error({ err: describe(error), command: command.action }, "corpus command failed");
    return end({
      status: "failed",
      text: `${label} failed; the corpus is unchanged. The error has been logged.`,
    });
  }
  return end({ status: "done", text: doneText(label, summary, now() - started), summary });
}

export function busyText(running: string): string {
  return `The corpus is busy: ${running} is running. Try again when it has finished.`;
}

function commandLabel(command: CorpusCommand): string {
  if (command.action === "add") return `/add ${echo(command.url.trim())}`;
  if (command.action === "remove") return `/remove ${echo(command.id.trim())}`;
  return "/refresh";
}

function startText(command: CorpusCommand): string {
  return command.action === "refresh"
    ? "/refresh: reading the corpus folder and every source…"
    : `${commandLabel(command)}: fetching…`;
}

function progressText(label: string, progress: Progress): string {
  const current = progress.current
    ? ` (now ${echo(progress.current.replace(/^https?:\/\//, ""))})`
    : "";
  return `${label}: ${progress.done} of ${progress.total} read${current}…`;
}

function doneText(label: string, summary: ChangeSummary, ms: number): string {
  const lines = [`${label}: finished in ${(ms / 1000).toFixed(1)} s`];
  const list = (title: string, ids: readonly string[]) => {
    if (ids.length === 0) return;
    const more = ids.length - IDS_LISTED;
    lines.push(
      `${title}: ${ids.slice(0, IDS_LISTED).join(", ")}${more > 0 ? ` and ${more} more` : ""}`,
    );
  };
  list("New", summary.added);
  list("Updated", summary.updated);
  list("Removed", summary.removed);
  // Last, as the CLI prints it and the audit log keeps it.
  lines.push(formatSummary(summary));
  return lines.join("\n");
}

function echo(text: string): string {
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT - 1)}…` : text;
}

function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}
