import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordConfigSchema } from "../../adapters/discord/discord-config.ts";
import { NOT_AVAILABLE, REFUSAL } from "../../adapters/discord/handle-corpus-command.ts";
import { registerCommands } from "../../adapters/discord/register-commands.ts";
import { parseConfig } from "../../src/index.ts";
import { startWorld, type World } from "../corpus-admin/corpus-manager-setup.ts";
import {
  type InjectedInteraction,
  MANAGER_PERMISSIONS,
  type Where,
} from "../fakes/fake-discord.ts";
import { changingPage, fixture } from "../helpers/news-site.ts";
import { SECRET_CODE, writeSecretArticle } from "../helpers/secret-article.ts";
import {
  ALICE,
  AUTOCOMPLETE_RESULT,
  BOB,
  DEFER_REPLY,
  EPHEMERAL,
  type Harness,
  isCallback,
  isEditOriginal,
  isFollowup,
  REPLY,
  startHarness,
} from "./discord-harness.ts";
import { markupViolations, unescapeMarkdown, visibleText } from "./discord-message-checks.ts";

const TALKS = "grain-corridor-talks-stall-as-ankara-presses-both-sides";
const GAS = "gas-storage-update";
const SUMMARY = /\+\d+ new, \d+ updated, \d+ removed, \d+ failed/;
const MODERATOR_ROLE = "1700000000000000001";

/** A member with Manage Server; one with the moderator role only; one with another role. */
const DANA: Where = {
  user: { id: "1600000000000000004", username: "dana" },
  permissions: MANAGER_PERMISSIONS,
};
const ERIN: Where = {
  user: { id: "1600000000000000005", username: "erin" },
  roles: ["1700000000000000777", MODERATOR_ROLE],
};
const PLAIN: Where = { user: ALICE };
const OTHER_ROLE: Where = { user: BOB, roles: ["1700000000000000999"] };

let world: World;
let h: Harness;

beforeAll(async () => {
  world = await startWorld();
  h = await startHarness(
    world.engine,
    { DISCORD_MODERATOR_ROLE_IDS: MODERATOR_ROLE },
    { corpus: world.manager, statusIntervalMs: 50 },
  );
});
afterAll(async () => {
  await h?.close();
  await world?.close();
});

const add = (url: string, where: Where) =>
  h.fake.command("add", [{ name: "url", value: url }], where);
const remove = (id: string, where: Where) =>
  h.fake.command("remove", [{ name: "id", value: id }], where);
const refresh = (where: Where) => h.fake.command("refresh", [], where);

/** The edits of the deferred reply, up to the one with the summary line (or `until`). */
async function editsUntil(interaction: InjectedInteraction, until: RegExp = SUMMARY) {
  const requests = await h.requestsWhen(
    interaction,
    (rs) => rs.some((r) => isEditOriginal(r) && until.test(unescapeMarkdown(r.body.content ?? ""))),
    `an edit matching ${until}`,
  );
  return requests;
}

const lastEdit = (requests: Awaited<ReturnType<typeof editsUntil>>) =>
  requests.filter(isEditOriginal).at(-1)?.body;

describe("Discord: moderators' corpus commands", () => {
  it("registers /add, /remove, /refresh for servers, shown to Manage Server by default", async () => {
    const config = parseConfig(DiscordConfigSchema, {
      DISCORD_BOT_TOKEN: h.fake.token,
      DISCORD_API_BASE: h.fake.apiBase,
    });
    await registerCommands({ config, maxQuestionLength: 1000 });
    const put = h.fake.requests.filter((r) => r.method === "PUT").at(-1);
    const commands = put?.body as Array<Record<string, unknown>>;
    const byName = new Map(commands.map((c) => [c.name, c]));
    for (const name of ["add", "remove", "refresh"]) {
      expect(byName.get(name)).toMatchObject({ default_member_permissions: "32", contexts: [0] });
    }
    for (const name of ["ask", "quotes", "sources", "help"]) {
      expect(byName.get(name)?.default_member_permissions ?? null).toBeNull();
    }
    expect(byName.get("remove")?.options).toEqual([
      expect.objectContaining({ name: "id", required: true, autocomplete: true }),
    ]);
    expect(byName.get("add")?.options).toEqual([
      expect.objectContaining({ name: "url", type: 3, required: true }),
    ]);
  });

  it("refuses anyone else privately, fetching nothing and changing nothing", async () => {
    const url = world.site.url("/news/talks-stall");
    const attempts = [
      add(url, PLAIN),
      refresh(PLAIN),
      remove(TALKS, PLAIN),
      add(url, OTHER_ROLE),
      // A DM has no member to check, even for someone who manages a server.
      add(url, { ...DANA, dm: true }),
    ];
    for (const interaction of attempts) {
      const [reply] = await h.requestsWhen(interaction, (rs) => rs.some(isCallback), "a refusal");
      expect(reply?.body).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
      expect(unescapeMarkdown(reply?.body.data.content)).toBe(REFUSAL);
      expect(reply?.body.data.allowed_mentions).toEqual({ parse: [] });
    }
    expect(world.site.hits("/news/talks-stall")).toBe(0);
    expect(await world.store.read()).toEqual({ articles: [], sources: [] });
    expect(await world.manager.log()).toEqual([]);
  });

  it("adds a page for a member with Manage Server: deferred, edited, summary last", async () => {
    const url = `${world.site.url("/news/talks-stall")}?ref=discord&x=<b>**`;
    const interaction = add(url, DANA);
    const requests = await editsUntil(interaction);
    expect(requests[0]).toMatchObject({
      method: "POST",
      body: { type: DEFER_REPLY, data: { flags: EPHEMERAL } },
    });
    expect(requests.filter(isCallback)).toHaveLength(1);
    const edits = requests.filter(isEditOriginal);
    expect(unescapeMarkdown(edits[0]?.body.content)).toBe(`/add ${url}: fetching…`);
    for (const edit of edits) {
      expect(markupViolations(edit.body)).toEqual([]);
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    }
    const shown = visibleText(lastEdit(requests));
    expect(shown).toContain(`New: ${TALKS}`);
    expect(shown.split("\n").at(-1)).toBe("+1 new, 0 updated, 0 removed, 0 failed");

    expect((await world.store.read()).articles.map((a) => a.article.id)).toEqual([TALKS]);
    expect((await world.manager.log())[0]).toMatchObject({
      action: "add",
      target: url,
      actor: { platform: "discord", id: DANA.user.id, name: "dana" },
    });

    const asked = h.fake.command(
      "ask",
      [{ name: "question", value: "What did Fidan say about the ships?" }],
      PLAIN,
    );
    const answer = await h.answerOf(asked);
    expect(visibleText(answer)).toContain("We cannot let the ships wait");
  });

  it("shows moderators what was added and the sources on /sources; others only the articles", async () => {
    const plain = h.fake.command("sources", [], PLAIN);
    const moderator = h.fake.command("sources", [], DANA);
    const [, listing] = await h.requestsWhen(
      moderator,
      (rs) => rs.some(isFollowup),
      "the moderators' listing",
    );
    expect(listing?.body.flags).toBe(EPHEMERAL);
    const shown = visibleText(listing?.body);
    expect(shown).toContain("Added by moderators (1)");
    expect(shown).toContain(`\`${TALKS}\` Grain corridor talks stall`);
    const [source] = await world.manager.sources();
    expect(shown).toContain(`\`${source?.id}\` page: `);
    expect(h.fake.requestsFor(plain)).toHaveLength(1);
    expect(visibleText(h.fake.requestsFor(plain)[0]?.body.data)).not.toContain(
      "Added by moderators",
    );
  });

  it("suggests removable ids to moderators only", async () => {
    const typing = (where: Where) =>
      h.fake.command("remove", [{ name: "id", value: "grain", focused: true }], {
        ...where,
        type: 4,
      });
    const choicesFor = async (where: Where) => {
      const interaction = typing(where);
      const [reply] = await h.requestsWhen(interaction, (rs) => rs.length > 0, "suggestions");
      expect(reply?.body.type).toBe(AUTOCOMPLETE_RESULT);
      return reply?.body.data.choices as Array<{ name: string; value: string }>;
    };
    const choices = await choicesFor(ERIN);
    expect(choices.map((c) => c.value)).toContain(TALKS);
    expect(choices.map((c) => c.value)).not.toContain("kursk-negotiation-landscape");
    expect(await choicesFor(PLAIN)).toEqual([]);
  });

  it("refreshes for a member with a moderator role", async () => {
    await world.manager.add(world.site.url("/news/changing"), { platform: "cli", id: "ops" });
    world.site.set("/news/changing", { type: "text/html", body: changingPage(2) });
    const requests = await editsUntil(refresh(ERIN));
    expect(requests[0]?.body).toMatchObject({ type: DEFER_REPLY, data: { flags: EPHEMERAL } });
    const shown = visibleText(lastEdit(requests));
    expect(shown).toContain(`Updated: ${GAS}`);
    expect(shown.split("\n").at(-1)).toBe("+0 new, 1 updated, 0 removed, 0 failed (1 unchanged)");
    expect((await world.manager.log())[0]).toMatchObject({
      action: "refresh",
      actor: { platform: "discord", id: ERIN.user.id, name: "erin" },
    });
  });

  it("tells a second /refresh that one is running, and finishes the first", async () => {
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
    const first = refresh(DANA);
    await expect
      .poll(() => world.site.hits("/news/talks-stall"), { timeout: 15_000 })
      .toBe(hits + 1);

    const second = await editsUntil(refresh(ERIN), /The corpus is busy/);
    expect(visibleText(lastEdit(second))).toBe(
      "The corpus is busy: a refresh by discord:dana is running. Try again when it has finished.",
    );
    release();
    const done = visibleText(lastEdit(await editsUntil(first)));
    expect(done.split("\n").at(-1)).toBe("+0 new, 0 updated, 0 removed, 0 failed (2 unchanged)");
  });

  it("removes an added article for a member with a moderator role", async () => {
    const requests = await editsUntil(remove(TALKS, ERIN));
    const shown = visibleText(lastEdit(requests));
    expect(shown).toContain(`Removed: ${TALKS}`);
    expect(shown.split("\n").at(-1)).toBe("+0 new, 0 updated, 1 removed, 0 failed");
    expect((await world.store.read()).articles.map((a) => a.article.id)).toEqual([GAS]);
    expect(world.engine.articles().map((a) => a.id)).not.toContain(TALKS);
    expect((await world.manager.log())[0]).toMatchObject({
      action: "remove",
      target: TALKS,
      actor: { platform: "discord", id: ERIN.user.id },
    });
  });

  it("never reads a file for a moderator, however the address is spelled", async () => {
    const secret = await writeSecretArticle(world.dataDir);
    const entries = (await world.manager.log()).length;
    const shown: string[] = [];
    for (const path of [secret, join(world.dataDir, "missing.md")]) {
      // new URL() calls it http: with a host of ".."; a path-minded reader found the file.
      const url = `http:/${"../".repeat(10)}${path.slice(1)}`;
      const requests = await editsUntil(add(url, DANA), new RegExp(`Cannot add|${SUMMARY.source}`));
      shown.push(visibleText(lastEdit(requests)).replace(path.slice(1), "<path>"));
    }
    expect(shown[0]).toMatch(/^Cannot add "http:.*": not an absolute http\(s\) URL/);
    expect(shown[0]).not.toContain(SECRET_CODE);
    expect(shown[1]).toBe(shown[0]);
    expect(await world.manager.log()).toHaveLength(entries);
    expect((await world.store.read()).articles.map((a) => a.article.id)).not.toContain(
      "vault-notes",
    );
  });

  it("refuses a local path or other non-web address from chat", async () => {
    const entries = (await world.manager.log()).length;
    const requests = await editsUntil(add("/etc/passwd", DANA), /can be added from chat/);
    expect(visibleText(lastEdit(requests))).toContain(
      'Cannot add "/etc/passwd": only http(s) URLs can be added from chat',
    );
    expect(await world.manager.log()).toHaveLength(entries);
  });
});

describe("Discord: moderator commands without corpus management", () => {
  it("tell a moderator they are not available", async () => {
    const bare = await startHarness(world.engine);
    try {
      const interaction = bare.fake.command("refresh", [], DANA);
      const [reply] = await bare.requestsWhen(interaction, (rs) => rs.length > 0, "a reply");
      expect(reply?.body).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
      expect(unescapeMarkdown(reply?.body.data.content)).toBe(NOT_AVAILABLE);
    } finally {
      await bare.close();
    }
  });
});
