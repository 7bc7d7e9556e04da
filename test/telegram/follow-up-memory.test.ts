import { describe, expect, it } from "vitest";
import { createFollowUpMemory } from "../../adapters/telegram/follow-up-memory.ts";
import type { Answer, Quote } from "../../src/index.ts";

const quote = (paragraph: number, start = 0): Quote => ({
  text: "words",
  speaker: "Yuri Ushakov",
  speakerRole: null,
  source: {
    articleId: "a",
    title: "T",
    publisher: "P",
    url: "https://e.org",
    published: null,
    paragraph,
  },
  link: "https://e.org",
  start,
  end: start + 5,
});
const answer = (
  speaker: string | null,
  quotes: Quote[],
  status: Answer["status"] = "answered",
): Answer => ({
  status,
  question: "q",
  text: "t",
  quotes,
  mode: "extractive",
  speaker,
  moreQuotes: 0,
});

describe("follow-up memory", () => {
  it("hands back the last answer's speaker and the quotes seen", () => {
    const memory = createFollowUpMemory({ ttlMs: 60_000, now: () => 0 });
    expect(memory.recall("c")).toBeUndefined();
    memory.remember("c", answer("Yuri Ushakov", [quote(3), quote(4, 10)]));
    expect(memory.recall("c")).toEqual({
      speaker: "Yuri Ushakov",
      seen: [
        { articleId: "a", paragraph: 3, start: 0 },
        { articleId: "a", paragraph: 4, start: 10 },
      ],
    });
  });

  it("accumulates what was seen while the speaker stays the same, and starts over when it changes", () => {
    const memory = createFollowUpMemory({ ttlMs: 60_000, now: () => 0 });
    memory.remember("c", answer("Yuri Ushakov", [quote(3)]));
    memory.remember("c", answer("Yuri Ushakov", [quote(5)]));
    expect(memory.recall("c")?.seen?.map((s) => s.paragraph)).toEqual([3, 5]);
    memory.remember("c", answer("Sergey Lavrov", [quote(9)]));
    expect(memory.recall("c")).toMatchObject({
      speaker: "Sergey Lavrov",
      seen: [{ paragraph: 9 }],
    });
  });

  it("expires after its time to live and keeps not-found answers out", () => {
    let t = 0;
    const memory = createFollowUpMemory({ ttlMs: 10 * 60_000, now: () => t });
    memory.remember("c", answer("Yuri Ushakov", [quote(3)]));
    memory.remember("c", answer(null, [], "not_found"));
    t = 10 * 60_000 - 1;
    expect(memory.recall("c")?.speaker).toBe("Yuri Ushakov");
    t = 10 * 60_000;
    expect(memory.recall("c")).toBeUndefined();
  });

  it("remembers nothing with a time to live of 0, and bounds the number of chats", () => {
    const off = createFollowUpMemory({ ttlMs: 0 });
    off.remember("c", answer("Yuri Ushakov", [quote(3)]));
    expect(off.recall("c")).toBeUndefined();
    const small = createFollowUpMemory({ ttlMs: 60_000, maxChats: 2 });
    for (const chat of ["a", "b", "c"]) small.remember(chat, answer("X", [quote(1)]));
    expect(small.recall("a")).toBeUndefined();
    expect(small.recall("c")?.speaker).toBe("X");
  });
});
