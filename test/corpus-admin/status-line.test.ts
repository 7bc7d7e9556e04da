import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStatusLine } from "../../src/corpus-admin/status-line.ts";

/** A chat message whose changes take as long as a test says, recorded with the fake clock. */
function fakeMessage() {
  const shown: Array<{ text: string; at: number }> = [];
  let active = 0;
  let overlapped = false;
  const failOn = new Set<string>();
  return {
    shown,
    failOn,
    get overlapped() {
      return overlapped;
    },
    show: async (text: string) => {
      active += 1;
      if (active > 1) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
      active -= 1;
      if (failOn.has(text)) throw new Error(`rejected: ${text}`);
      shown.push({ text, at: Date.now() });
    },
  };
}

describe("status line: a chat message that follows long work", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the first text at once, then only the newest, one change per interval", async () => {
    const message = fakeMessage();
    const errors: unknown[] = [];
    const line = createStatusLine({
      show: message.show,
      minIntervalMs: 1_500,
      onError: (error) => errors.push(error),
    });
    line.update("starting");
    for (let i = 1; i <= 20; i++) {
      await vi.advanceTimersByTimeAsync(100);
      line.update(`${i} of 20 read`);
    }
    const finished = line.finish("+3 new, 0 updated, 0 removed, 0 failed");
    await vi.runAllTimersAsync();
    await finished;

    const texts = message.shown.map((s) => s.text);
    expect(texts[0]).toBe("starting");
    expect(texts.at(-1)).toBe("+3 new, 0 updated, 0 removed, 0 failed");
    // 2 s of updates every 100 ms: a handful of changes, not twenty.
    expect(texts.length).toBeLessThanOrEqual(4);
    expect(texts.slice(1, -1).every((t) => /of 20 read/.test(t))).toBe(true);
    for (let i = 1; i < message.shown.length; i++) {
      const gap = (message.shown[i]?.at ?? 0) - (message.shown[i - 1]?.at ?? 0);
      // Each change ends >= 1.5 s after the previous one ended, plus its own 100 ms.
      expect(gap).toBeGreaterThanOrEqual(1_600);
    }
    expect(message.overlapped).toBe(false);
    expect(errors).toEqual([]);
  });

  it("never shows the same text twice in a row, and ignores updates after finishing", async () => {
    const message = fakeMessage();
    const line = createStatusLine({ show: message.show, minIntervalMs: 1_000, onError: () => {} });
    line.update("working");
    await vi.advanceTimersByTimeAsync(50);
    line.update("working");
    await vi.advanceTimersByTimeAsync(3_000);
    line.update("working");
    await vi.advanceTimersByTimeAsync(3_000);
    const finished = line.finish("working");
    await vi.runAllTimersAsync();
    await finished;
    line.update("too late");
    await vi.runAllTimersAsync();
    expect(message.shown.map((s) => s.text)).toEqual(["working"]);
  });

  it("reports a failed change and still shows the next text", async () => {
    const message = fakeMessage();
    message.failOn.add("1 of 2 read");
    const errors: unknown[] = [];
    const line = createStatusLine({
      show: message.show,
      minIntervalMs: 500,
      onError: (error) => errors.push(error),
    });
    line.update("1 of 2 read");
    const finished = line.finish("done");
    await vi.runAllTimersAsync();
    await finished;
    expect(message.shown.map((s) => s.text)).toEqual(["done"]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("rejected: 1 of 2 read");
  });
});
