import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_COMMANDS, MODERATOR_COMMANDS } from "../../adapters/telegram/bot-commands.ts";
import { NOT_AVAILABLE, REFUSAL } from "../../adapters/telegram/moderator-commands.ts";
import { startWorld, type World } from "../corpus-admin/corpus-manager-setup.ts";
import type { RecordedRequest } from "../fakes/fake-telegram-api.ts";
import { groupChat, privateChat, textMessage, user } from "../fakes/telegram-updates.ts";
import { changingPage, fixture } from "../helpers/news-site.ts";
import { SECRET_ARTICLE, SECRET_CODE, writeSecretArticle } from "../helpers/secret-article.ts";
import { type Harness, startHarness } from "./telegram-harness.ts";
import { readTelegramHtml } from "./telegram-html.ts";

const TALKS = "grain-corridor-talks-stall-as-ankara-presses-both-sides";
const GAS = "gas-storage-update";
const SUMMARY = /\+\d+ new, \d+ updated, \d+ removed, \d+ failed/;

describe("telegram: moderators add, remove and refresh the corpus; nobody else may", () => {
  let world: World;
  let h: Harness;
  const maria = user(501, "Maria");
  const mariaChat = privateChat(maria);
  const omar = user(503, "Omar");
  const eve = user(502, "Eve");
  const eveChat = privateChat(eve);
  const newsroom = groupChat(7001);

  beforeAll(async () => {
    world = await startWorld();
    h = await startHarness({
      engine: world.engine,
      corpus: world.manager,
      env: { TELEGRAM_MODERATOR_IDS: "501, 503" },
      statusIntervalMs: 50,
    });
  });
  afterAll(async () => {
    await h?.close();
    await world?.close();
  });

  const text = (request: RecordedRequest) => readTelegramHtml(String(request.params.text));
  const messageIdOf = (request: RecordedRequest) =>
    (request.result as { message_id: number }).message_id;

  /** The status message's last edit: the one carrying the summary line. */
  const finalEdit = (chatId: number, messageId: number, after: number) =>
    h.fake.waitFor(
      (r) =>
        r.method === "editMessageText" &&
        r.params.chat_id === chatId &&
        r.params.message_id === messageId &&
        SUMMARY.test(String(r.params.text)),
      { after, what: "the summary edited into the status message" },
    );

  const say = async (from: typeof maria, chat: typeof mariaChat, line: string) => {
    const after = h.push(textMessage({ chat, from, text: line }));
    return { after, sent: await h.reply(chat.id, after) };
  };

  it("gives each moderator's private chat a menu with the moderator commands", async () => {
    const everyone = h.fake.calls("setMyCommands").find((r) => r.params.scope === undefined);
    expect(everyone?.params.commands).toEqual(BOT_COMMANDS);
    for (const id of [501, 503]) {
      const scoped = await h.fake.waitFor(
        (r) =>
          r.method === "setMyCommands" &&
          (r.params.scope as { chat_id?: number } | undefined)?.chat_id === id,
        { what: `the menu of moderator ${id}` },
      );
      expect(scoped.params.scope).toEqual({ type: "chat", chat_id: id });
      expect(scoped.params.commands).toEqual([...BOT_COMMANDS, ...MODERATOR_COMMANDS]);
    }
  });

  it("refuses a non-moderator politely, fetches nothing and changes nothing", async () => {
    const url = world.site.url("/news/talks-stall");
    for (const line of [`/add ${url}`, "/refresh", `/remove ${TALKS}`]) {
      const { sent } = await say(eve, eveChat, line);
      expect(String(sent.params.text)).toBe(REFUSAL);
    }
    const update = textMessage({ chat: newsroom, from: eve, text: `/add@quote_test_bot ${url}` });
    const after = h.push(update);
    const inGroup = await h.reply(newsroom.id, after);
    expect(String(inGroup.params.text)).toBe(REFUSAL);
    expect(inGroup.params.reply_parameters).toMatchObject({
      message_id: update.message.message_id,
    });

    expect(world.site.hits("/news/talks-stall")).toBe(0);
    expect(await world.store.read()).toEqual({ articles: [], sources: [] });
    expect(await world.manager.log()).toEqual([]);
    expect(world.engine.articles().map((a) => a.id)).toEqual(["kursk-negotiation-landscape"]);
  });

  it("adds a page for a moderator: a status message, then the summary; the next /ask quotes it", async () => {
    const before = await h.spy.engine.ask("What did Fidan say about the ships?");
    expect(before.quotes.map((q) => q.source.articleId)).not.toContain(TALKS);

    // Whatever is echoed is escaped: the query string carries HTML.
    const url = `${world.site.url("/news/talks-stall")}?ref=chat&x=<b>`;
    const { after, sent: status } = await say(maria, mariaChat, `/add ${url}`);
    expect(status.params.parse_mode).toBe("HTML");
    expect(String(status.params.text)).toContain("?ref=chat&amp;x=&lt;b&gt;");
    expect(text(status).violations).toEqual([]);
    expect(text(status).text).toBe(`/add ${url}: fetching…`);

    const done = await finalEdit(mariaChat.id, messageIdOf(status), after);
    const shown = text(done);
    expect(shown.violations).toEqual([]);
    expect(shown.text).toContain(`/add ${url}: finished in`);
    expect(shown.text).toContain(`New: ${TALKS}`);
    expect(shown.text.split("\n").at(-1)).toBe("+1 new, 0 updated, 0 removed, 0 failed");

    expect((await world.store.read()).articles.map((a) => a.article.id)).toEqual([TALKS]);
    expect((await world.manager.log())[0]).toMatchObject({
      action: "add",
      target: url,
      actor: { platform: "telegram", id: "501", name: "Maria" },
      summary: "+1 new, 0 updated, 0 removed, 0 failed",
    });

    const { sent: answer } = await say(
      maria,
      mariaChat,
      "/ask What did Fidan say about the ships?",
    );
    expect(text(answer).text).toContain("We cannot let the ships wait");
  });

  it("lists what was added and the sources to moderators only, on /sources", async () => {
    const [source] = await world.manager.sources();
    const after = h.push(textMessage({ chat: mariaChat, from: maria, text: "/sources" }));
    const listing = await h.fake.waitFor(
      (r) =>
        r.method === "sendMessage" &&
        r.params.chat_id === mariaChat.id &&
        String(r.params.text).includes("Added by moderators"),
      { after, what: "the moderators' listing" },
    );
    const shown = text(listing);
    expect(shown.violations).toEqual([]);
    expect(shown.text).toContain(
      `${TALKS} Grain corridor talks stall as Ankara presses both sides`,
    );
    expect(shown.text).toContain(`${source?.id} page: `);
    expect(shown.text).toContain("by telegram:Maria");
    expect(shown.links).toContain(source?.location);

    // In a group the listing would tell everyone who added what: it stays private.
    const inGroup = h.push(textMessage({ chat: newsroom, from: omar, text: "/sources" }));
    const note = await h.fake.waitFor(
      (r) =>
        r.method === "sendMessage" &&
        r.params.chat_id === newsroom.id &&
        String(r.params.text).includes("private chat"),
      { after: inGroup, what: "the note in the group" },
    );
    expect(text(note).text).not.toContain("Added by moderators");

    const asked = h.push(textMessage({ chat: eveChat, from: eve, text: "/sources" }));
    h.fake.pushUpdate(textMessage({ chat: eveChat, from: eve, text: "/ask What did Putin say?" }));
    // Updates of one chat are handled in order: once the question is answered, so is /sources.
    await h.fake.waitFor(
      (r) =>
        r.method === "sendMessage" &&
        r.params.chat_id === eveChat.id &&
        text(r).text.includes("Putin"),
      { after: asked, what: "the answer after /sources" },
    );
    const toEve = h.fake.calls("sendMessage", asked).filter((r) => r.params.chat_id === eveChat.id);
    expect(toEve.some((r) => text(r).text.includes("Kursk operation"))).toBe(true);
    expect(toEve.some((r) => text(r).text.includes("Added by moderators"))).toBe(false);
  });

  it("refreshes for a moderator: changed pages are updated and answered from at once", async () => {
    await world.manager.add(world.site.url("/news/changing"), {
      platform: "cli",
      id: "ops",
      name: "ops",
    });
    world.site.set("/news/changing", { type: "text/html", body: changingPage(2) });

    const { after, sent: status } = await say(maria, mariaChat, "/refresh");
    expect(text(status).text).toBe("/refresh: reading the corpus folder and every source…");
    const done = text(await finalEdit(mariaChat.id, messageIdOf(status), after));
    expect(done.text).toContain(`Updated: ${GAS}`);
    expect(done.text.split("\n").at(-1)).toBe(
      "+0 new, 1 updated, 0 removed, 0 failed (1 unchanged)",
    );
    expect((await world.manager.log())[0]).toMatchObject({
      action: "refresh",
      actor: { platform: "telegram", id: "501" },
    });
    const reserve = await h.spy.engine.ask("What did Koretskyi say about the reserve?");
    expect(reserve.quotes.map((q) => q.text).join(" ")).toContain("fourteen days");
  });

  it("tells a second /refresh (or /add) that one is running, and finishes the first", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hits = world.site.hits("/news/talks-stall");
    world.site.set("/news/talks-stall", {
      type: "text/html; charset=utf-8",
      body: fixture("talks-stall.html"),
      gate,
    });

    const { after, sent: status } = await say(maria, mariaChat, "/refresh");
    // The refresh is now waiting for the page.
    await expect
      .poll(() => world.site.hits("/news/talks-stall"), { timeout: 15_000 })
      .toBe(hits + 1);

    const busy =
      "The corpus is busy: a refresh by telegram:Maria is running. Try again when it has finished.";
    const update = textMessage({ chat: newsroom, from: omar, text: "/refresh" });
    const mark = h.push(update);
    const told = await h.reply(newsroom.id, mark);
    expect(text(told).text).toBe(busy);
    expect(told.params.reply_parameters).toMatchObject({ message_id: update.message.message_id });
    const { sent: alsoTold } = await say(
      maria,
      mariaChat,
      `/add ${world.site.url("/news/envoy-visit")}`,
    );
    expect(text(alsoTold).text).toBe(busy);
    expect(world.site.hits("/news/envoy-visit")).toBe(0);

    release();
    const done = text(await finalEdit(mariaChat.id, messageIdOf(status), after));
    expect(done.text.split("\n").at(-1)).toBe(
      "+0 new, 0 updated, 0 removed, 0 failed (2 unchanged)",
    );
    const log = await world.manager.log();
    expect(log.filter((entry) => entry.action === "refresh")).toHaveLength(2);
  });

  it("removes an added article on /remove <id>, with its summary", async () => {
    const { sent } = await say(maria, mariaChat, `/remove ${TALKS}`);
    const shown = text(sent);
    expect(shown.text).toContain(`Removed: ${TALKS}`);
    expect(shown.text.split("\n").at(-1)).toBe("+0 new, 0 updated, 1 removed, 0 failed");
    expect((await world.store.read()).articles.map((a) => a.article.id)).toEqual([GAS]);
    expect(world.engine.articles().map((a) => a.id)).not.toContain(TALKS);
    expect((await world.manager.log())[0]).toMatchObject({
      action: "remove",
      target: TALKS,
      actor: { platform: "telegram", id: "501" },
    });
    const after = await h.spy.engine.ask("What did Fidan say about the ships?");
    expect(after.quotes.map((q) => q.source.articleId)).not.toContain(TALKS);
  });

  it("explains a missing or non-web argument and changes nothing", async () => {
    const entries = (await world.manager.log()).length;
    const { sent: bare } = await say(maria, mariaChat, "/add");
    expect(text(bare).text).toContain("Give the address of a web page or an RSS/Atom feed");
    const { sent: file } = await say(maria, mariaChat, "/add /etc/passwd");
    expect(text(file).text).toContain(
      'Cannot add "/etc/passwd": only http(s) URLs can be added from chat',
    );
    const { sent: noId } = await say(maria, mariaChat, "/remove");
    expect(text(noId).text).toContain("/sources lists them");
    expect(await world.manager.log()).toHaveLength(entries);
  });

  it("never reads a file for a moderator, however the address is spelled", async () => {
    const secret = await writeSecretArticle(world.dataDir);
    const entries = (await world.manager.log()).length;
    const shown: string[] = [];
    for (const path of [secret, join(world.dataDir, "missing.md")]) {
      // new URL() calls it http: with a host of ".."; a path-minded reader found the file.
      const line = `/add http:/${"../".repeat(10)}${path.slice(1)}`;
      const { sent } = await say(maria, mariaChat, line);
      shown.push(text(sent).text.replace(path.slice(1), "<path>"));
    }
    expect(shown[0]).toMatch(/^Cannot add "http:.*": not an absolute http\(s\) URL/);
    expect(shown[0]).not.toContain(SECRET_CODE);
    // The same answer whether the file exists or not.
    expect(shown[1]).toBe(shown[0]);
    expect(await world.manager.log()).toHaveLength(entries);
    expect((await world.store.read()).articles.map((a) => a.article.id)).not.toContain(
      SECRET_ARTICLE.id,
    );
    const { sent: answer } = await say(maria, mariaChat, "/ask What is the vault code?");
    expect(text(answer).text).not.toContain(SECRET_CODE);
  });

  it("never edits a status message to the text it already shows", () => {
    const sent = h.fake.calls("sendMessage").filter((r) => r.result !== undefined);
    const texts = new Map(sent.map((r) => [messageIdOf(r), [String(r.params.text)]]));
    for (const edit of h.fake.calls("editMessageText")) {
      texts.get(Number(edit.params.message_id))?.push(String(edit.params.text));
    }
    const edited = [...texts.values()].filter((t) => t.length > 1);
    expect(edited.length).toBeGreaterThanOrEqual(3);
    for (const versions of edited) {
      versions.slice(1).forEach((version, i) => {
        expect(version).not.toBe(versions[i]);
      });
    }
  });
});

describe("telegram: moderator commands without corpus management", () => {
  it("tell a moderator they are not available", async () => {
    const h = await startHarness({ env: { TELEGRAM_MODERATOR_IDS: "501" } });
    try {
      const maria = user(501, "Maria");
      const chat = privateChat(maria);
      const after = h.push(textMessage({ chat, from: maria, text: "/refresh" }));
      expect(String((await h.reply(chat.id, after)).params.text)).toBe(NOT_AVAILABLE);
      expect(h.fake.calls("setMyCommands").every((r) => r.params.scope === undefined)).toBe(true);
    } finally {
      await h.close();
    }
  });
});
