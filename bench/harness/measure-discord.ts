import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiscordConfigSchema } from "../../adapters/discord/discord-config.ts";
import { startDiscord } from "../../adapters/discord/start-discord.ts";
import { openLowdbFeedbackStore, parseConfig, SILENT_LOGGER } from "../../src/index.ts";
import { FakeDiscord, type InjectedInteraction } from "../../test/fakes/fake-discord.ts";
import { faceBenchSetup } from "./face-bench-setup.ts";
import { type LatencySummary, nowMs, summarize } from "./latency.ts";
import { waitUntil } from "./measure-telegram.ts";
import { currentLoad, type SizeOptions } from "./size-options.ts";

export interface DiscordPartResult {
  part: "discord";
  size: SizeOptions["size"];
  /** /ask interactions measured one at a time: dispatch to the deferral callback. */
  deferral: LatencySummary;
  /** The same, with `burst` interactions dispatched at once. */
  burstDeferral: LatencySummary;
  burst: number;
  /** Dispatch to the answer edited into the deferred reply, one at a time. */
  answer: LatencySummary;
  load: { before: number; after: number };
}

const WARMUP = 20;
const BURST = 50;
/** Discord voids an interaction not acknowledged within 3 s; the target is 300 ms. */
const DEFER_REPLY = 5;

/**
 * The real Discord face (discord.js over the fake gateway and REST) with the real engine:
 * how long from Discord dispatching an /ask interaction until the bot's deferral reaches
 * Discord, one at a time and in a burst, and until the answer is edited in.
 */
export async function measureDiscordPart(options: SizeOptions): Promise<DiscordPartResult> {
  const loadBefore = currentLoad();
  const setup = await faceBenchSetup(options, options.questions + WARMUP + BURST);
  const { engine } = setup;
  const questions = setup.questions.map((q) => q.text);
  const fake = await FakeDiscord.start();
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
  let nextUser = 1_700_000_000_000_000_000n;
  const ask = (question: string): InjectedInteraction =>
    fake.command("ask", [{ name: "question", value: question }], {
      // A user per question, so the per-user rate limit never answers instead of the engine.
      user: { id: String(nextUser++), username: "bench" },
    });
  const deferred = (i: InjectedInteraction) =>
    fake.requestsFor(i).some((r) => r.path.endsWith("/callback") && r.body?.type === DEFER_REPLY);
  const answered = (i: InjectedInteraction) =>
    fake
      .requestsFor(i)
      .some(
        (r) => r.method === "PATCH" && r.path.endsWith("/messages/@original") && r.status === 200,
      );

  try {
    const deferrals: number[] = [];
    const answers: number[] = [];
    for (const [i, question] of questions.slice(0, WARMUP + options.questions).entries()) {
      const start = nowMs();
      const interaction = ask(question);
      await fake.waitFor(() => deferred(interaction), "the deferral", 15_000);
      const deferredAt = nowMs();
      await fake.waitFor(() => answered(interaction), "the answer", 15_000);
      if (i >= WARMUP) {
        deferrals.push(deferredAt - start);
        answers.push(nowMs() - start);
      }
    }
    const start = nowMs();
    const burst = questions.slice(WARMUP + options.questions).map(ask);
    const burstDeferrals = new Map<InjectedInteraction, number>();
    await waitUntil(() => {
      for (const i of burst)
        if (!burstDeferrals.has(i) && deferred(i)) burstDeferrals.set(i, nowMs());
      return burstDeferrals.size === burst.length;
    }, 60_000);
    await waitUntil(() => burst.every(answered), 60_000);
    return {
      part: "discord",
      size: options.size,
      deferral: summarize(deferrals),
      burstDeferral: summarize([...burstDeferrals.values()].map((at) => at - start)),
      burst: burst.length,
      answer: summarize(answers),
      load: { before: loadBefore, after: currentLoad() },
    };
  } finally {
    await face.stop();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
