import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { DiscordConfigSchema } from "../../adapters/discord/discord-config.ts";
import { startDiscord } from "../../adapters/discord/start-discord.ts";
import { openLowdbFeedbackStore, parseConfig, SILENT_LOGGER } from "../../src/index.ts";
import { faceBenchSetup } from "./face-bench-setup.ts";
import type { FromFake, ToFake } from "./fake-discord-thread.ts";
import { type LatencySummary, summarize } from "./latency.ts";
import { waitUntil } from "./measure-telegram.ts";
import { currentLoad, type SizeOptions } from "./size-options.ts";

export interface DiscordPartResult {
  part: "discord";
  size: SizeOptions["size"];
  /** /ask interactions measured one at a time: dispatch to the deferral callback. */
  deferral: LatencySummary;
  /** The same, with `burst` interactions dispatched at once. */
  burstDeferral: LatencySummary;
  /** Dispatch to the answer edited in, for the interactions of the burst. */
  burstAnswer?: LatencySummary;
  burst: number;
  /** Dispatch to the answer edited into the deferred reply, one at a time. */
  answer: LatencySummary;
  load: { before: number; after: number };
}

const WARMUP = 20;
/** Interactions dispatched at once; the target holds at this size. */
export const DISCORD_BURST = 200;

/**
 * The real Discord face (discord.js over the fake gateway and REST, the fake in a thread of
 * its own) with the real engine: how long from Discord dispatching an /ask interaction
 * until the bot's deferral reaches Discord, one at a time and in a burst, and until the
 * answer is edited in. Times are taken by the fake as requests arrive, not by polling.
 */
export async function measureDiscordPart(options: SizeOptions): Promise<DiscordPartResult> {
  const loadBefore = currentLoad();
  const setup = await faceBenchSetup(options, options.questions + WARMUP + DISCORD_BURST);
  const { engine } = setup;
  const questions = setup.questions.map((q) => q.text);
  const fake = await startFakeThread();
  const deferredMs = new Map<number, number>();
  const answeredMs = new Map<number, number>();
  fake.worker.on("message", (message: FromFake) => {
    if (message.type === "deferred") deferredMs.set(message.key, message.ms);
    else if (message.type === "answered") answeredMs.set(message.key, message.ms);
  });
  const dataDir = await mkdtemp(join(tmpdir(), "bench-discord-"));
  const face = await startDiscord({
    engine,
    config: parseConfig(DiscordConfigSchema, {
      DISCORD_BOT_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      DISCORD_RATE_LIMIT_PER_MINUTE: "600",
    }),
    logger: SILENT_LOGGER,
    feedback: await openLowdbFeedbackStore({ dataDir }),
  });
  const ask = async (keys: readonly number[]) => {
    fake.worker.postMessage({
      type: "ask",
      questions: keys.map((key) => ({
        key,
        question: questions[key] as string,
        userId: String(1_700_000_000_000_000_000n + BigInt(key)),
      })),
    } satisfies ToFake);
    await waitUntil(() => keys.every((key) => answeredMs.has(key)), 60_000);
  };

  try {
    const single = Array.from({ length: WARMUP + options.questions }, (_, i) => i);
    for (const key of single) await ask([key]);
    const measured = single.slice(WARMUP);
    const burst = Array.from({ length: DISCORD_BURST }, (_, i) => single.length + i);
    await ask(burst);
    const pick = (keys: readonly number[], from: Map<number, number>) =>
      summarize(keys.map((key) => from.get(key) as number));
    return {
      part: "discord",
      size: options.size,
      deferral: pick(measured, deferredMs),
      burstDeferral: pick(burst, deferredMs),
      burstAnswer: pick(burst, answeredMs),
      burst: burst.length,
      answer: pick(measured, answeredMs),
      load: { before: loadBefore, after: currentLoad() },
    };
  } finally {
    await face.stop();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function startFakeThread(): Promise<{
  worker: Worker;
  apiBase: string;
  token: string;
  close(): Promise<void>;
}> {
  const worker = new Worker(new URL("./fake-discord-thread.mjs", import.meta.url));
  const [ready] = (await once(worker, "message")) as [FromFake];
  if (ready.type !== "ready") throw new Error("fake Discord thread did not start");
  return {
    worker,
    apiBase: ready.apiBase,
    token: ready.token,
    async close() {
      const exited = once(worker, "exit");
      worker.postMessage({ type: "close" } satisfies ToFake);
      await exited;
    },
  };
}
