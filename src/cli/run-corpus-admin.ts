import { userInfo } from "node:os";
import type { Writable } from "node:stream";
import cliProgress from "cli-progress";
import { type CorpusConfig, CorpusConfigSchema } from "../config/corpus-config.ts";
import { EngineConfigSchema } from "../config/engine-config.ts";
import { parseConfig, readEnvironment } from "../config/read-environment.ts";
import { FILE_META_KEYS, type FileMeta } from "../corpus/article-from-text.ts";
import { type ChangeSummary, formatSummary } from "../corpus-admin/change-summary.ts";
import { type CorpusManager, createCorpusManager } from "../corpus-admin/corpus-manager.ts";
import { fetchOptionsFrom } from "../corpus-admin/fetch-options-from.ts";
import type { ProgressListener } from "../corpus-admin/read-sources.ts";
import { AppError } from "../errors.ts";
import { createLogger, type Logger } from "../log/logger.ts";
import type { Actor, AuditEntry, CorpusSource, CorpusStore } from "../store/corpus-store.ts";
import { openStores } from "../store/open-stores.ts";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, write } from "./cli-io.ts";
import { runMigrateStore } from "./run-migrate-store.ts";

/** A moderator's command as `runCorpus` parsed it. */
export interface CorpusAdminCommand {
  command: string;
  /** The id or the URL, file or folder; "" for the commands that take none. */
  argument: string;
  values: Record<string, string | boolean | undefined>;
}

/**
 * The moderators' commands of `npm run corpus`, on the same DATA_DIR store as the bot.
 * Progress goes to stderr (a bar on a terminal); the summary line to stdout. Exit 1 when
 * something failed and nothing changed, 2 for bad usage.
 */
export async function runCorpusAdmin(
  io: CliIo,
  { command, argument, values }: CorpusAdminCommand,
  usage: string,
): Promise<number> {
  try {
    const env = readEnvironment(io.env);
    const engineConfig = parseConfig(EngineConfigSchema, env);
    const config = parseConfig(CorpusConfigSchema, env);
    // The summary line says what happened; info logs would only break up the progress bar.
    const logger = createLogger(
      io.env.LOG_LEVEL ? engineConfig.LOG_LEVEL : "warn",
      2,
      engineConfig.LOG_FORMAT,
    );
    if (command === "migrate-store") return await runMigrateStore(io, engineConfig, logger);
    const stores = await openStores(engineConfig, logger);
    try {
      return await runCommand(
        io,
        stores.corpus,
        engineConfig.CORPUS_DIR,
        config,
        logger,
        {
          command,
          argument,
          values,
        },
        usage,
      );
    } finally {
      await stores.close();
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await write(io.stderr, `${error.message}\n`);
    return error.code === "CONFIG_INVALID" ? EXIT_USAGE : EXIT_FAILURE;
  }
}

async function runCommand(
  io: CliIo,
  store: CorpusStore,
  corpusDir: string,
  config: CorpusConfig,
  logger: Logger,
  { command, argument, values }: CorpusAdminCommand,
  usage: string,
): Promise<number> {
  const manager = createCorpusManager({
    store,
    corpusDir,
    fetch: fetchOptionsFrom(config),
    maxFeedItems: config.CORPUS_FEED_MAX_ITEMS,
    logger,
  });
  const actor: Actor = { platform: "cli", id: osUser(), name: osUser() };
  switch (command) {
    case "add":
      return await mutate(io, manager, "add", argument, actor, fileMetaFrom(values));
    case "remove":
    case "refresh":
      return await mutate(io, manager, command, argument, actor);
    case "sources":
      return await showSources(io, await manager.sources(), values.json === true);
    default: {
      const limit = Number(values.limit ?? 20);
      if (!Number.isInteger(limit) || limit < 1) {
        await write(io.stderr, `--limit must be a whole number from 1 up.\n\n${usage}\n`);
        return EXIT_USAGE;
      }
      return await showLog(io, await manager.log(limit), values.json === true);
    }
  }
}

async function mutate(
  io: CliIo,
  manager: CorpusManager,
  command: "add" | "remove" | "refresh",
  argument: string,
  actor: Actor,
  meta?: FileMeta,
): Promise<number> {
  const bar = progressBar(io.stderr);
  let summary: ChangeSummary;
  try {
    summary =
      command === "add"
        ? await manager.add(argument, actor, bar?.listener, "cli", meta)
        : command === "remove"
          ? await manager.remove(argument, actor)
          : await manager.refresh(actor, bar?.listener);
  } finally {
    bar?.stop();
  }
  await write(io.stdout, `${formatSummary(summary)}\n`);
  const changed = summary.added.length + summary.updated.length + summary.removed.length > 0;
  if (changed && summary.added.length > 0) {
    await write(io.stdout, `Added: ${summary.added.join(", ")}\n`);
  }
  return summary.failed.length > 0 && !changed ? EXIT_FAILURE : EXIT_OK;
}

/** A bar on stderr, only on a terminal: logs and pipes get the summary line alone. */
function progressBar(stream: Writable): { listener: ProgressListener; stop(): void } | null {
  if (!(stream as { isTTY?: boolean }).isTTY) return null;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {value}/{total} {current}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    listener(progress) {
      const current = (progress.current ?? "").replace(/^https?:\/\//, "").slice(0, 60);
      if (!started) {
        bar.start(progress.total, progress.done, { current });
        started = true;
      }
      bar.setTotal(progress.total);
      bar.update(progress.done, { current });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

async function showSources(
  io: CliIo,
  sources: readonly CorpusSource[],
  json: boolean,
): Promise<number> {
  if (json) {
    await write(io.stdout, `${JSON.stringify(sources, null, 2)}\n`);
    return EXIT_OK;
  }
  if (sources.length === 0) {
    await write(io.stdout, "No sources yet: add one with `npm run corpus -- add <url|file>`.\n");
    return EXIT_OK;
  }
  const lines = sources.map((s) =>
    [
      `${s.id}  ${s.kind}  ${s.location}`,
      s.title ? `  ${s.title}` : null,
      `  added ${s.addedAt.slice(0, 16).replace("T", " ")} by ${s.addedBy.platform}:${s.addedBy.name ?? s.addedBy.id}` +
        (s.checkedAt ? `; read ${s.checkedAt.slice(0, 16).replace("T", " ")}` : ""),
      s.lastError ? `  last error: ${s.lastError}` : null,
    ]
      .filter((l) => l !== null)
      .join("\n"),
  );
  await write(io.stdout, `${lines.join("\n\n")}\n`);
  return EXIT_OK;
}

async function showLog(io: CliIo, entries: AuditEntry[], json: boolean): Promise<number> {
  if (json) {
    await write(io.stdout, `${JSON.stringify(entries, null, 2)}\n`);
    return EXIT_OK;
  }
  if (entries.length === 0) {
    await write(io.stdout, "The log is empty: nothing has been added, removed or refreshed.\n");
    return EXIT_OK;
  }
  const lines = entries.map(
    (e) =>
      `${e.at.slice(0, 19).replace("T", " ")}  ${e.actor.platform}:${e.actor.name ?? e.actor.id}  ${e.action} ${e.target}\n  ${e.summary}`,
  );
  await write(io.stdout, `${lines.join("\n")}\n`);
  return EXIT_OK;
}

/** What `add`'s options say of a file's article; only the options given. */
function fileMetaFrom(values: CorpusAdminCommand["values"]): FileMeta {
  const meta: FileMeta = {};
  for (const key of FILE_META_KEYS) {
    const value = values[key];
    if (typeof value === "string") meta[key] = value;
  }
  return meta;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}
