import { startTelegram, type TelegramHandle } from "../../adapters/telegram/start-telegram.ts";
import { TelegramConfigSchema } from "../../adapters/telegram/telegram-config.ts";
import {
  type Answer,
  type AskOptions,
  type CorpusManager,
  type Engine,
  type Logger,
  loadEngine,
  parseConfig,
  SILENT_LOGGER,
} from "../../src/index.ts";
import {
  type FakeTelegramApi,
  type RecordedRequest,
  startFakeTelegramApi,
} from "../fakes/fake-telegram-api.ts";
import { CORPUS_DIR } from "../support/seed-engine.ts";

/** A logger that keeps every line, so tests can assert what is (and is not) logged. */
export function recordingLogger(lines: string[] = []): Logger & { lines: string[] } {
  const record =
    (level: string) =>
    (obj: object | string, msg?: string): void => {
      lines.push(`${level} ${typeof obj === "string" ? obj : JSON.stringify(obj)} ${msg ?? ""}`);
    };
  const logger = {
    lines,
    debug: record("debug"),
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
    child: () => logger,
  };
  return logger;
}

export interface AskCall {
  question: string;
  options: AskOptions | undefined;
}

/** An engine that records each question and can be told to fail or to answer otherwise. */
export function spyEngine(inner: Engine) {
  const calls: AskCall[] = [];
  const overrides: Array<(question: string) => Answer | Error | undefined> = [];
  const engine: Engine = {
    ask: async (question, options) => {
      calls.push({ question, options });
      for (const override of overrides) {
        const outcome = override(question);
        if (outcome instanceof Error) throw outcome;
        if (outcome !== undefined) return outcome;
      }
      return inner.ask(question, options);
    },
    articles: () => inner.articles(),
    speakers: () => inner.speakers(),
    statements: () => inner.statements(),
    suggestSpeakers: (query, limit) => inner.suggestSpeakers(query, limit),
    describeCorpus: () => inner.describeCorpus(),
    corpusStatus: () => inner.corpusStatus(),
    get maxQuestionLength() {
      return inner.maxQuestionLength;
    },
    replaceArticles: (articles) => inner.replaceArticles(articles),
  };
  return {
    engine,
    calls,
    /** Answers (or throws) for questions the function recognises; others go to the engine. */
    override(fn: (question: string) => Answer | Error | undefined) {
      overrides.push(fn);
    },
  };
}

let shared: Promise<Engine> | undefined;

/** The real engine over the shipped corpus/ folder, built once per test file. */
export function testEngine(): Promise<Engine> {
  shared ??= loadEngine(
    { CORPUS_DIR: CORPUS_DIR, MAX_QUOTES: 3, MAX_QUESTION_LENGTH: 1000 },
    SILENT_LOGGER,
  );
  return shared;
}

export interface Harness {
  fake: FakeTelegramApi;
  spy: ReturnType<typeof spyEngine>;
  handle: TelegramHandle;
  logger: ReturnType<typeof recordingLogger>;
  /** Queues an update; returns the request mark to wait from. */
  push(update: Record<string, unknown>): number;
  /** The next sendMessage to `chatId` at or after `after`. */
  reply(chatId: number, after: number, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** The real bot (startTelegram) against a fresh fake Bot API, polling it as in production. */
export async function startHarness(
  options: {
    env?: Record<string, string>;
    engine?: Engine;
    now?: () => number;
    /** The moderators' corpus commands, and how fast their status message may change. */
    corpus?: CorpusManager;
    statusIntervalMs?: number;
  } = {},
): Promise<Harness> {
  const fake = await startFakeTelegramApi();
  const spy = spyEngine(options.engine ?? (await testEngine()));
  const logger = recordingLogger();
  const config = parseConfig(TelegramConfigSchema, {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...options.env,
  });
  const handle = await startTelegram({
    engine: spy.engine,
    config,
    logger,
    now: options.now,
    ...(options.corpus !== undefined && { corpus: options.corpus }),
    ...(options.statusIntervalMs !== undefined && { statusIntervalMs: options.statusIntervalMs }),
  });
  return {
    fake,
    spy,
    handle,
    logger,
    push(update) {
      const mark = fake.mark();
      fake.pushUpdate(update);
      return mark;
    },
    reply(chatId, after, timeoutMs) {
      return fake.waitFor((r) => r.method === "sendMessage" && r.params.chat_id === chatId, {
        after,
        timeoutMs,
        what: `sendMessage to chat ${chatId}`,
      });
    },
    async close() {
      await handle.stop();
      await fake.close();
    },
  };
}
