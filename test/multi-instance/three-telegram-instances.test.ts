import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramConfigSchema, webhookSecret } from "../../adapters/telegram/telegram-config.ts";
import { parseConfig } from "../../src/index.ts";
import {
  type FakeTelegramApi,
  type RecordedRequest,
  startFakeTelegramApi,
} from "../fakes/fake-telegram-api.ts";
import { createWebhookSender } from "../fakes/fake-telegram-webhook.ts";
import { privateChat, type TestUser, textMessage, user } from "../fakes/telegram-updates.ts";
import { type NewsSite, startNewsSite } from "../helpers/news-site.ts";
import { type BotProcess, startBotProcess } from "../support/bot-process.ts";
import { freePort, startRoundRobinProxy } from "../support/round-robin-proxy.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { readTelegramHtml } from "../telegram/telegram-html.ts";

/**
 * Three `npm start` processes on one PostgreSQL database, in webhook mode, behind a
 * round-robin proxy: the deployment of docs/deploy.md ("Several instances"), on loopback.
 * Telegram is a fake Bot API plus a sender that delivers updates as Telegram does,
 * again until one is answered 2xx.
 */

const WEBHOOK_PATH = "/telegram/webhook";
const MODERATOR = user(501, "Maria");
const INSTANCES = 3;
/**
 * How soon every instance must answer from an article added on one: well under the 15 s
 * poll, so only NOTIFY can make it. Under a full test run on a loaded 2-core machine the
 * whole test took 1.5-3.1 s.
 */
const PROPAGATION_MS = 5_000;
const LIGHTHOUSE = "/news/lighthouse";
const LIGHTHOUSE_QUOTE = "The harbour lighthouse will shine again on Friday night";

const lighthousePage = `<!DOCTYPE html><html lang="en"><head><title>Port Quillon relights its lighthouse</title>
<meta property="og:site_name" content="Quillon Courier"><meta property="article:published_time" content="2024-11-02T09:00:00Z"></head>
<body><article><h1>Port Quillon relights its lighthouse</h1>
<p>“${LIGHTHOUSE_QUOTE},” said Ottoline Brackenbury, the harbour master of Port Quillon, after a week of repairs to the lamp room.</p>
<p>The lamp had been dark since a storm in October broke two of its lenses, the harbour office said in a statement.</p>
</article></body></html>`;

let database: TestDatabase;
let fake: FakeTelegramApi;
let site: NewsSite;
let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>>;
let bots: BotProcess[] = [];
let ports: number[] = [];
let deliver: ReturnType<typeof createWebhookSender>;
let nextUpdateId = 1;

const viaProxy = () => `http://127.0.0.1:${proxy.port}${WEBHOOK_PATH}`;
const straightTo = (instance: number) => `http://127.0.0.1:${ports[instance]}${WEBHOOK_PATH}`;

function update(from: TestUser, text: string) {
  return { update_id: nextUpdateId++, ...textMessage({ chat: privateChat(from), from, text }) };
}

/** What a person in `chatId` was sent (answered requests only), after `mark`. */
function sentTo(chatId: number, mark = 0): RecordedRequest[] {
  return fake
    .calls("sendMessage", mark)
    .filter((r) => r.params.chat_id === chatId && r.result !== undefined);
}

const visible = (r: RecordedRequest) => readTelegramHtml(String(r.params.text)).text;

/** Resolves once the process serves its webhook; rejects if it exits first. */
async function started(bot: BotProcess): Promise<void> {
  let exited = false;
  void bot.exited.then(() => {
    exited = true;
  });
  while (!bot.stderr().includes("telegram bot started (webhook)")) {
    if (exited) throw new Error(`an instance exited at start:\n${bot.stderr()}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  fake = await startFakeTelegramApi();
  site = await startNewsSite();
  site.set(LIGHTHOUSE, { type: "text/html; charset=utf-8", body: lighthousePage });
  ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
  proxy = await startRoundRobinProxy(ports);
  deliver = createWebhookSender({
    secret: webhookSecret(parseConfig(TelegramConfigSchema, { TELEGRAM_BOT_TOKEN: fake.token })),
  });
  bots = await Promise.all(
    ports.map((port) =>
      startBotProcess({
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_WEBHOOK_URL: `https://bot.example.test${WEBHOOK_PATH}`,
        TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
        PORT: String(port),
        TELEGRAM_MODERATOR_IDS: String(MODERATOR.id),
        TELEGRAM_RATE_LIMIT_PER_MINUTE: "1000",
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: "4",
        CORPUS_ALLOW_PRIVATE_URLS: "true",
        SHUTDOWN_TIMEOUT_SECONDS: "3",
      }),
    ),
  );
  await Promise.all(bots.map(started));
}, 60_000);

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.close()));
  await proxy?.close();
  await site?.close();
  await fake?.close();
  await database?.drop();
});

describe("three Telegram instances on one database behind a round-robin proxy", () => {
  it("answers updates spread over the instances once each, a duplicate delivery included", async () => {
    const askers = Array.from({ length: 6 }, (_, i) => user(1000 + i, `Asker ${i}`));
    const questions = ["Putin", "Lavrov", "Ushakov", "Peskov", "Zelensky", "Erdogan"];
    const updates = askers.map((asker, i) => update(asker, `What did ${questions[i]} say?`));
    const mark = fake.mark();
    const from = proxy.log.length;
    const duplicated = updates[2]!;
    // Telegram sends one of them twice (its first answer "timed out"): consecutive
    // deliveries, so the proxy gives the copies to two different instances.
    await Promise.all([
      ...updates.map((u) => deliver(viaProxy(), u)),
      deliver(viaProxy(), duplicated),
    ]);
    const passed = proxy.log.slice(from);
    expect(new Set(passed.map((p) => p.instance))).toEqual(new Set([0, 1, 2]));
    const copies = passed.filter((p) => p.updateId === duplicated.update_id);
    expect(new Set(copies.map((c) => c.instance)).size).toBeGreaterThan(1);
    for (const asker of askers) {
      const texts = sentTo(asker.id, mark).map(visible);
      expect(texts.length, `answers to ${asker.first_name}`).toBeGreaterThan(0);
      // An update handled twice would send the same answer twice.
      expect(new Set(texts).size).toBe(texts.length);
    }
    // Delivered again later (a retry after a lost 200): still answered once.
    await deliver(viaProxy(), duplicated);
    expect(sentTo(askers[2]!.id, mark).map(visible)).toHaveLength(
      new Set(sentTo(askers[2]!.id, mark).map(visible)).size,
    );
  }, 30_000);

  it("follows up on another instance than the one that answered first", async () => {
    const dave = user(2001, "Dave");
    const mark = fake.mark();
    await deliver(straightTo(0), update(dave, "What did Putin say?"));
    const first = sentTo(dave.id, mark).map(visible).join("\n");
    expect(first).toContain("Putin");
    const between = fake.mark();
    await deliver(straightTo(1), update(dave, "What else did he say?"));
    const second = sentTo(dave.id, between).map(visible).join("\n");
    // Instance 1 knew what instance 0 had shown: new words from Putin, none repeated.
    expect(second).toContain("Vladimir Putin");
    expect(second).toContain("As recently as June 7, Russian President Vladimir Putin stated");
    const firstQuotes = first.split("\n").filter((line) => line.startsWith("“"));
    for (const quote of firstQuotes) expect(second).not.toContain(quote);
  }, 30_000);

  it("answers from an article a moderator added on one instance on all three within 5 s", async () => {
    const question = "What did Ottoline Brackenbury say?";
    const mark = fake.mark();
    await deliver(straightTo(2), update(MODERATOR, `/add ${site.url(LIGHTHOUSE)}`));
    const summary = await fake.waitFor(
      (r) =>
        r.method === "editMessageText" &&
        r.params.chat_id === MODERATOR.id &&
        /\+1 new/.test(String(r.params.text)),
      { after: mark, timeoutMs: 20_000, what: "the /add summary" },
    );
    const added = Date.now();
    for (let instance = 0; instance < INSTANCES; instance++) {
      const asker = user(3000 + instance, `Reader ${instance}`);
      await expect
        .poll(
          async () => {
            const before = fake.mark();
            await deliver(straightTo(instance), update(asker, question));
            return sentTo(asker.id, before).map(visible).join("\n");
          },
          { timeout: Math.max(0, PROPAGATION_MS - (Date.now() - added)), interval: 100 },
        )
        .toContain(LIGHTHOUSE_QUOTE);
    }
    expect(summary.index).toBeGreaterThan(mark);
  }, 30_000);

  it("runs two refreshes started on two instances at once only once: the other is busy", async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // The refresh fetches the added page again; it waits until the test lets it.
    site.set(LIGHTHOUSE, { type: "text/html; charset=utf-8", body: lighthousePage, gate });
    const hits = site.hits(LIGHTHOUSE);
    const mark = fake.mark();
    await Promise.all([
      deliver(straightTo(0), update(MODERATOR, "/refresh")),
      deliver(straightTo(1), update(MODERATOR, "/refresh")),
    ]);
    // Each instance opens a status message at once; the one refused edits "busy" into it.
    await expect.poll(() => sentTo(MODERATOR.id, mark).length, { timeout: 15_000 }).toBe(2);
    const statusIds = sentTo(MODERATOR.id, mark).map(
      (r) => (r.result as { message_id: number }).message_id,
    );
    const edited = (match: RegExp, what: string) =>
      fake.waitFor(
        (r) =>
          r.method === "editMessageText" &&
          r.params.chat_id === MODERATOR.id &&
          statusIds.includes(Number(r.params.message_id)) &&
          match.test(String(r.params.text)),
        { after: mark, timeoutMs: 20_000, what },
      );
    const busy = await edited(/busy/, "the busy refusal");
    expect(visible(busy)).toMatch(/refresh/);
    open();
    const done = await edited(/\d+ unchanged/, "the refresh's summary");
    expect(done.params.message_id).not.toBe(busy.params.message_id);
    expect(site.hits(LIGHTHOUSE)).toBe(hits + 1);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        "SELECT count(*)::int AS n FROM corpus_audit WHERE entry->>'action' = 'refresh'",
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await admin.end();
    }
  }, 30_000);

  it("loses no update when an instance is killed mid-stream: Telegram's redelivery is answered by another", async () => {
    const victim = user(4000, "Victim");
    const others = Array.from({ length: 6 }, (_, i) => user(4100 + i, `Streamer ${i}`));
    const mark = fake.mark();
    const from = proxy.log.length;
    // The victim's answer is held at the Bot API, so its update is mid-handling when
    // its instance dies.
    const release = fake.hold("sendMessage", (p) => p.chat_id === victim.id);
    const held = update(victim, "What did Lavrov say?");
    const heldDelivery = deliver(viaProxy(), held);
    await fake.waitFor((r) => r.method === "sendMessage" && r.params.chat_id === victim.id, {
      after: mark,
      what: "the held answer",
    });
    const handling = proxy.log.slice(from).find((p) => p.updateId === held.update_id);
    expect(handling).toBeDefined();
    const killed = handling!.instance;
    const stream = others.map((o, i) =>
      deliver(viaProxy(), update(o, `What did ${["Putin", "Lavrov", "Peskov"][i % 3]} say?`)),
    );
    bots[killed]!.child.kill("SIGKILL");
    await bots[killed]!.exited;
    release();
    const deliveries = await Promise.all([heldDelivery, ...stream]);

    // The held update's webhook POST was cut (502), delivered again, and answered by
    // another instance; the dead one's request never reached the person.
    expect(deliveries[0]!.statuses[0]).toBe(502);
    const answeredBy = proxy.log
      .slice(from)
      .filter((p) => p.updateId === held.update_id && p.status === 200)
      .map((p) => p.instance);
    expect(answeredBy).toHaveLength(1);
    expect(answeredBy[0]).not.toBe(killed);
    for (const person of [victim, ...others]) {
      const texts = sentTo(person.id, mark).map(visible);
      expect(texts.length, `answers to ${person.first_name}`).toBeGreaterThan(0);
      expect(new Set(texts).size).toBe(texts.length);
    }
    // Requests the proxy sent to the dead instance failed, and were delivered again.
    expect(proxy.log.slice(from).some((p) => p.instance === killed && p.status === 502)).toBe(true);
  }, 40_000);
});
