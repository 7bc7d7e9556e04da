import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPIRED_ANSWER, NO_MORE_QUOTES } from "../../adapters/discord/handle-answer-button.ts";
import type { Engine } from "../../src/index.ts";
import type { FakeMessage } from "../fakes/fake-discord.ts";
import {
  ALICE,
  BOB,
  CAROL,
  customIds,
  DEFER_REPLY,
  DEFER_UPDATE,
  EPHEMERAL,
  type Harness,
  isEditOriginal,
  isFollowup,
  REPLY,
  startHarness,
} from "./discord-harness.ts";
import { limitViolations, markupViolations, visibleText } from "./discord-message-checks.ts";
import { loadRealEngine } from "./real-engine.ts";

let engine: Engine;
let h: Harness;

beforeAll(async () => {
  engine = await loadRealEngine();
  h = await startHarness(engine);
});
afterAll(async () => {
  await h?.close();
});

const button = (message: FakeMessage, prefix: string): string => {
  const id = customIds(message).find((c) => c.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button on the message`);
  return id;
};

async function ask(question: string, user = ALICE, dm = false): Promise<FakeMessage> {
  return h.answerOf(h.fake.command("ask", [{ name: "question", value: question }], { user, dm }));
}

describe("More quotes", () => {
  it("pages through further quotes of the same answer, then stops offering more", async () => {
    const question = "What did Zelensky say?";
    const all = await engine.ask(question, { maxQuotes: 10 });
    const first = await engine.ask(question);
    expect(first.moreQuotes).toBeGreaterThan(0);

    const page1 = await ask(question);
    expect(customIds(page1)).toEqual([
      expect.stringMatching(/^more:/),
      expect.stringMatching(/^vote:.+:up$/),
      expect.stringMatching(/^vote:.+:down$/),
    ]);

    const click = h.fake.click(page1, button(page1, "more:"), { user: BOB });
    const requests = await h.requestsWhen(
      click,
      (rs) => rs.some(isFollowup) && rs.some(isEditOriginal),
      "the next page and the clicked page's buttons updated",
    );
    expect(requests[0]?.body.type).toBe(DEFER_UPDATE);
    const followup = requests.find(isFollowup);
    expect(followup?.body.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(followup?.body)).toEqual([]);
    expect(markupViolations(followup?.body)).toEqual([]);
    const nextQuotes = all.quotes.slice(first.quotes.length, first.quotes.length + 3);
    const shown = visibleText(followup?.body);
    for (const quote of nextQuotes) expect(shown).toContain(quote.text);
    for (const quote of first.quotes) expect(shown).not.toContain(quote.text);
    expect(shown).toContain(`More quotes (${first.quotes.length + 1}–`);

    // The clicked page keeps its votes but hands paging on to the new page.
    expect(customIds(page1)).toEqual([
      expect.stringMatching(/^vote:.+:up$/),
      expect.stringMatching(/^vote:.+:down$/),
    ]);
    const page2 = [...h.fake.messages.values()].find(
      (m) => m.token === click.token && m.id !== page1.id,
    ) as FakeMessage;
    const rest = all.quotes.length - first.quotes.length - nextQuotes.length;
    expect(customIds(page2).some((c) => c.startsWith("more:"))).toBe(rest > 0);
  });

  it("says so when the ranked quotes ran out", async () => {
    // A page whose cached answer claims more quotes than the engine now has.
    const page = await ask("What did Yuri Ushakov say?");
    const id = button(page, "vote:").split(":")[1] as string;
    const click = h.fake.click(page, `more:${id}`, { user: ALICE });
    const requests = await h.requestsWhen(click, (rs) => rs.some(isFollowup), "a followup");
    expect(requests.find(isFollowup)?.body).toMatchObject({
      content: NO_MORE_QUOTES,
      flags: EPHEMERAL,
    });
  });
});

describe("👍 / 👎 feedback", () => {
  it("stores one vote per user per answer, changes it on a second click, never duplicates", async () => {
    const question = "What did Lavrov say?";
    const page = await ask(question);
    const up = button(page, "vote:").replace(/:down$/, ":up");
    const down = up.replace(/:up$/, ":down");
    const answerId = up.split(":")[1] as string;

    const vote = async (customId: string, user = ALICE) => {
      const click = h.fake.click(page, customId, { user });
      const requests = await h.requestsWhen(click, (rs) => rs.some(isEditOriginal), "the vote");
      expect(requests[0]?.body).toMatchObject({ type: DEFER_REPLY, data: { flags: EPHEMERAL } });
      return requests.find(isEditOriginal)?.body.content as string;
    };

    expect(await vote(up)).toMatch(/recorded/);
    expect(await h.feedback.votesFor("discord", answerId)).toEqual({ up: 1, down: 0 });
    expect(await vote(down)).toMatch(/Changed your vote to 👎/);
    expect(await h.feedback.votesFor("discord", answerId)).toEqual({ up: 0, down: 1 });
    expect(await vote(down)).toMatch(/already/);
    expect(await vote(up, BOB)).toMatch(/recorded/);
    expect(await h.feedback.votesFor("discord", answerId)).toEqual({ up: 1, down: 1 });

    const file = JSON.parse(await readFile(path.join(h.dataDir, "feedback.json"), "utf8"));
    const stored = file.answers[`discord:${answerId}`];
    expect(stored.question).toBe(question);
    const expected = await engine.ask(question);
    expect(stored.quotes.map((q: { text: string }) => q.text)).toEqual(
      expected.quotes.map((q) => q.text),
    );
    expect(Object.keys(stored.votes).sort()).toEqual([ALICE.id, BOB.id].sort());
  });

  it("takes votes in direct messages too", async () => {
    const page = await ask("What did Putin say?", CAROL, true);
    const click = h.fake.click(page, button(page, "vote:").replace(/:down$/, ":up"), {
      user: CAROL,
      dm: true,
    });
    const requests = await h.requestsWhen(click, (rs) => rs.some(isEditOriginal), "the vote");
    expect(requests.find(isEditOriginal)?.body.content).toMatch(/recorded/);
  });

  it("says an answer the bot no longer holds has expired", async () => {
    const page = await ask("What did Podolyak say?");
    for (const customId of ["vote:gone0000:up", "more:gone0000", "something-else"]) {
      const click = h.fake.click(page, customId, { user: ALICE });
      const [reply] = await h.requestsWhen(click, (rs) => rs.length > 0, "the reply");
      expect(reply?.body).toMatchObject({
        type: REPLY,
        data: { content: EXPIRED_ANSWER, flags: EPHEMERAL },
      });
    }
  });
});
