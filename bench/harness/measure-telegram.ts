import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { startTelegram } from "../../adapters/telegram/start-telegram.ts";
import { TelegramConfigSchema } from "../../adapters/telegram/telegram-config.ts";
import { parseConfig, SILENT_LOGGER } from "../../src/index.ts";
import { privateChat, textMessage, user } from "../../test/fakes/telegram-updates.ts";
import { faceBenchSetup } from "./face-bench-setup.ts";
import type { FromFake, ToFake } from "./fake-telegram-thread.ts";
import { type LatencySummary, nowMs, summarize } from "./latency.ts";
import { currentLoad, type SizeOptions } from "./size-options.ts";

export interface TelegramPartResult {
  part: "telegram";
  size: SizeOptions["size"];
  /** Updates in the measured burst, all queued at once. */
  updates: number;
  /** Updates answered per second: the burst size over the time to its last reply. */
  updatesPerSecond: number;
  /** From queuing an update to the bot's sendMessage reaching the fake Bot API. */
  replyLatency: LatencySummary;
  /** Bot API requests the bot made per update (sendMessage, sendChatAction, getUpdates). */
  requestsPerUpdate: number;
  load: { before: number; after: number };
}

const WARMUP_UPDATES = 50;
/** First user id: each update comes from its own private chat, so no rate limit applies. */
const FIRST_USER = 500_000_000;

/**
 * The real Telegram face (grammY, long polling through @grammyjs/runner) against the
 * loopback fake Bot API (in a thread of its own), with the real engine answering
 * extractively. A burst of updates is queued at once; every one must be answered by a
 * sendMessage to its chat.
 */
export async function measureTelegramPart(options: SizeOptions): Promise<TelegramPartResult> {
  const loadBefore = currentLoad();
  const { engine, questions } = await faceBenchSetup(options, options.questions + WARMUP_UPDATES);
  const fake = await startFakeThread();
  const replies = new Map<number, number>();
  let requests = 0;
  fake.worker.on("message", (message: FromFake) => {
    if (message.type !== "reply") return;
    replies.set(message.chatId, message.at);
    requests = message.requests;
  });
  const config = parseConfig(TelegramConfigSchema, {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_RATE_LIMIT_PER_MINUTE: "1000",
  });
  const bot = await startTelegram({ engine, config, logger: SILENT_LOGGER });
  try {
    const burst = async (from: number, texts: readonly string[]) => {
      const updates = texts.map((text, i) => {
        const sender = user(FIRST_USER + from + i);
        return {
          chat: sender.id,
          update: textMessage({ chat: privateChat(sender), from: sender, text }),
        };
      });
      const start = epochMs();
      fake.worker.postMessage({
        type: "push",
        updates: updates.map((u) => u.update),
      } satisfies ToFake);
      await waitUntil(() => updates.every((u) => replies.has(u.chat)), 120_000);
      const latencies = updates.map((u) => (replies.get(u.chat) as number) - start);
      return { seconds: Math.max(...latencies) / 1000, latencies };
    };
    const texts = questions.map((q) => q.text);
    await burst(0, texts.slice(0, WARMUP_UPDATES));
    const before = requests;
    const measured = await burst(WARMUP_UPDATES, texts.slice(WARMUP_UPDATES));
    const count = texts.length - WARMUP_UPDATES;
    return {
      part: "telegram",
      size: options.size,
      updates: count,
      updatesPerSecond: count / measured.seconds,
      replyLatency: summarize(measured.latencies),
      requestsPerUpdate: (requests - before) / count,
      load: { before: loadBefore, after: currentLoad() },
    };
  } finally {
    await bot.stop();
    await fake.close();
  }
}

function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

async function startFakeThread(): Promise<{
  worker: Worker;
  apiRoot: string;
  token: string;
  close(): Promise<void>;
}> {
  const worker = new Worker(new URL("./fake-telegram-thread.mjs", import.meta.url));
  const [ready] = (await once(worker, "message")) as [FromFake];
  if (ready.type !== "ready") throw new Error("fake Telegram thread did not start");
  return {
    worker,
    apiRoot: ready.apiRoot,
    token: ready.token,
    async close() {
      const exited = once(worker, "exit");
      worker.postMessage({ type: "close" } satisfies ToFake);
      await exited;
    },
  };
}

/** Polls `done` every few milliseconds; fails after `timeoutMs`. */
export async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = nowMs() + timeoutMs;
  while (!done()) {
    if (nowMs() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
