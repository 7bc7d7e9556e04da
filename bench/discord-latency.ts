/**
 * How fast the Discord face acknowledges and answers, through discord.js and the fake
 * Discord on 127.0.0.1 (in a thread of its own, so network time is near zero): the time
 * from an INTERACTION_CREATE dispatch to the deferral reaching Discord (the 3-second
 * deadline) and to the answer edited in, one at a time and in a burst of DISCORD_BURST.
 * The same measurement as `npm run bench`'s Discord part, alone.
 * Run: npx tsx bench/discord-latency.ts [questions] [size: shipped or a number of articles]
 */
import { DEFAULT_SEED } from "./corpus/generate-corpus.ts";
import { defaultCacheDir, parseSize } from "./harness/bench-corpus.ts";
import type { LatencySummary } from "./harness/latency.ts";
import { measureDiscordPart } from "./harness/measure-discord.ts";

const questions = Number(process.argv[2] ?? 200);
const size = parseSize(process.argv[3] ?? "shipped");
const result = await measureDiscordPart({
  size,
  seed: DEFAULT_SEED,
  cacheDir: defaultCacheDir(),
  questions,
  warmup: 0,
});
const line = (name: string, s: LatencySummary | undefined) =>
  s &&
  console.log(
    `${name}: p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.count})`,
  );
line("one at a time, dispatch → deferral", result.deferral);
line("one at a time, dispatch → answer edited in", result.answer);
line(`burst of ${result.burst}, dispatch → deferral`, result.burstDeferral);
line(`burst of ${result.burst}, dispatch → answer edited in`, result.burstAnswer);
console.log(`load average ${result.load.before} → ${result.load.after}`);
process.exit(0);
