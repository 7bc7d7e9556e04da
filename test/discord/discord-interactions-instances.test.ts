import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordConfigSchema } from "../../adapters/discord/discord-config.ts";
import { EXPIRED_ANSWER } from "../../adapters/discord/handle-answer-button.ts";
import {
  type DiscordInteractionsFace,
  startDiscordInteractions,
} from "../../adapters/discord/start-discord-interactions.ts";
import {
  type Engine,
  IN_MEMORY_STATE,
  parseConfig,
  SILENT_LOGGER,
  type Stores,
} from "../../src/index.ts";
import { openPostgresStores } from "../../src/store/postgres/open-postgres-stores.ts";
import { FakeDiscord, type FakeMessage, type HttpInteraction } from "../fakes/fake-discord.ts";
import { FakeDiscordSender } from "../fakes/fake-discord-http.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import {
  ALICE,
  BOB,
  customIds,
  DEFER_REPLY,
  DEFER_UPDATE,
  EPHEMERAL,
  isEditOriginal,
  isFollowup,
  requestsWhen,
} from "./discord-harness.ts";
import { unescapeMarkdown, visibleText } from "./discord-message-checks.ts";
import { loadRealEngine } from "./real-engine.ts";

/**
 * Two instances of the HTTP face in this process, each with its own PostgreSQL pool (as
 * two machines would have), behind a round-robin: consecutive interactions land on
 * alternate instances, so every button is pressed on the instance that did not answer.
 */
let engine: Engine;
let fake: FakeDiscord;
let discord: FakeDiscordSender;
let database: TestDatabase;
const stores: Stores[] = [];
const faces: DiscordInteractionsFace[] = [];

beforeAll(async () => {
  engine = await loadRealEngine();
  fake = await FakeDiscord.start();
  discord = new FakeDiscordSender(fake);
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const face of faces) await face.stop();
  for (const store of stores) await store.close();
  await fake?.close();
  await database?.drop();
});

async function startInstance(state: Stores | typeof IN_MEMORY_STATE, feedback: Stores) {
  const face = await startDiscordInteractions({
    engine,
    config: parseConfig(DiscordConfigSchema, {
      DISCORD_PUBLIC_KEY: discord.publicKey,
      DISCORD_INTERACTIONS_PORT: "0",
      DISCORD_INTERACTIONS_HOST: "127.0.0.1",
      DISCORD_API_BASE: fake.apiBase,
      DISCORD_RATE_LIMIT_PER_MINUTE: "600",
    }),
    logger: SILENT_LOGGER,
    feedback: await feedback.feedback(),
    state,
  });
  faces.push(face);
  return `http://127.0.0.1:${face.address.port}/interactions`;
}

async function openInstanceStores(): Promise<Stores> {
  const opened = await openPostgresStores({ url: database.url, poolSize: 4 });
  stores.push(opened);
  return opened;
}

/** Each call delivers to the next endpoint in turn. */
function roundRobin(
  urls: string[],
): (interaction: HttpInteraction) => ReturnType<FakeDiscordSender["deliver"]> {
  let next = 0;
  return (interaction) => discord.deliver(urls[next++ % urls.length] as string, interaction);
}

async function askThrough(
  deliver: ReturnType<typeof roundRobin>,
  question: string,
): Promise<FakeMessage> {
  const interaction = fake.commandRequest("ask", [{ name: "question", value: question }], {
    user: ALICE,
  });
  expect((await deliver(interaction)).body.type).toBe(DEFER_REPLY);
  await requestsWhen(fake, interaction, (rs) => rs.some(isEditOriginal), "the answer edited in");
  return [...fake.messages.values()].find(
    (m) => m.token === interaction.token && m.flags === 0,
  ) as FakeMessage;
}

describe("Discord interactions endpoint: two instances behind a round-robin", () => {
  it("answers a button on the other instance when both share PostgreSQL", async () => {
    const [a, b] = [await openInstanceStores(), await openInstanceStores()];
    const deliver = roundRobin([await startInstance(a, a), await startInstance(b, b)]);
    const question = "What did Zelensky say?";
    const first = await engine.ask(question);
    const all = await engine.ask(question, { maxQuotes: 10 });

    const answer = await askThrough(deliver, question); // instance A
    const more = customIds(answer).find((id) => id.startsWith("more:")) as string;
    const click = fake.clickRequest(answer, more, { user: BOB });
    expect((await deliver(click)).body).toEqual({ type: DEFER_UPDATE }); // instance B
    const requests = await requestsWhen(
      fake,
      click,
      (rs) => rs.some(isFollowup) && rs.some(isEditOriginal),
      "the next page from the other instance",
    );
    expect(visibleText(requests.find(isFollowup)?.body)).toContain(
      all.quotes[first.quotes.length]?.text,
    );

    // The vote, back on instance A, is about the answer instance A gave.
    const up = customIds(answer).find((id) => id.endsWith(":up")) as string;
    const vote = fake.clickRequest(answer, up, { user: BOB });
    expect((await deliver(vote)).body).toEqual({ type: DEFER_REPLY, data: { flags: EPHEMERAL } });
    const [, thanks] = await requestsWhen(
      fake,
      vote,
      (rs) => rs.some(isEditOriginal),
      "the thanks",
    );
    expect(thanks?.body.content).toBe("Thanks, your 👍 is recorded.");
    // And a second vote on B sees the first one (the feedback store is shared too).
    const down = customIds(answer).find((id) => id.endsWith(":down")) as string;
    const changed = fake.clickRequest(answer, down, { user: BOB });
    await deliver(changed);
    const [, reply] = await requestsWhen(
      fake,
      changed,
      (rs) => rs.some(isEditOriginal),
      "the change",
    );
    expect(reply?.body.content).toBe("Changed your vote to 👎.");
  });

  it("without shared state, the other instance does not know the answer (why it is needed)", async () => {
    const feedback = await openInstanceStores();
    const deliver = roundRobin([
      await startInstance(IN_MEMORY_STATE, feedback),
      await startInstance(IN_MEMORY_STATE, feedback),
    ]);
    const answer = await askThrough(deliver, "What did Zelensky say?");
    const more = customIds(answer).find((id) => id.startsWith("more:")) as string;
    const click = fake.clickRequest(answer, more, { user: BOB });
    const delivery = await deliver(click);
    expect(delivery.body.data.flags).toBe(EPHEMERAL);
    expect(unescapeMarkdown(delivery.body.data.content)).toBe(EXPIRED_ANSWER);
  });
});
