/**
 * How fast the Discord face acknowledges and answers, through discord.js and the fake
 * Discord on 127.0.0.1 (so network time is near zero): the time from an INTERACTION_CREATE
 * dispatch to the deferral reaching Discord (the 3-second deadline) and to the answer
 * edited in. Run: npx tsx bench/discord-latency.ts [count]
 */
import { performance } from "node:perf_hooks";
import {
  ALICE,
  isCallback,
  isEditOriginal,
  startHarness,
} from "../test/discord/discord-harness.ts";
import { loadRealEngine, sampleQuestions } from "../test/discord/real-engine.ts";

const count = Number(process.argv[2] ?? 200);
const engine = await loadRealEngine();
const h = await startHarness(engine, { DISCORD_RATE_LIMIT_PER_MINUTE: "600" });
const questions = sampleQuestions(engine);
const deferral: number[] = [];
const answer: number[] = [];
try {
  for (let i = 0; i < count; i++) {
    const question = questions[i % questions.length] as string;
    const t0 = performance.now();
    const interaction = h.fake.command("ask", [{ name: "question", value: question }], {
      user: { ...ALICE, id: `16000000000000${String(i).padStart(5, "0")}` },
    });
    await h.fake.waitFor(() => h.fake.requestsFor(interaction).some(isCallback), "deferral");
    deferral.push(performance.now() - t0);
    await h.fake.waitFor(() => h.fake.requestsFor(interaction).some(isEditOriginal), "answer");
    answer.push(performance.now() - t0);
  }
} finally {
  await h.close();
}
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(
    1,
  );
};
for (const [name, values] of [
  ["dispatch → deferral", deferral],
  ["dispatch → answer edited in", answer],
] as const) {
  console.log(
    `${name}: p50 ${pct(values, 50)} ms, p95 ${pct(values, 95)} ms, max ${pct(values, 100)} ms (n=${values.length})`,
  );
}
