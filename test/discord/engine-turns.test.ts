import { describe, expect, it } from "vitest";
import { createEngineTurns } from "../../adapters/discord/create-engine-turns.ts";

describe("createEngineTurns", () => {
  it("lets waiting answers at the engine one per turn of the event loop, in order", async () => {
    let loops = 0;
    const tick = () => {
      loops += 1;
      if (loops < 50) setImmediate(tick);
    };
    setImmediate(tick);
    const turn = createEngineTurns();
    const seen: Array<{ who: number; loop: number }> = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((who) => turn().then(() => seen.push({ who, loop: loops }))),
    );
    expect(seen.map((s) => s.who)).toEqual([1, 2, 3, 4, 5]);
    // A different turn of the loop for each: what waits on the network runs in between.
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]?.loop).toBeGreaterThan(seen[i - 1]?.loop as number);
    }
  });

  it("serves turns asked for later, after the queue ran dry", async () => {
    const turn = createEngineTurns();
    await turn();
    await expect(Promise.all([turn(), turn()])).resolves.toHaveLength(2);
  });
});
