import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCES_PER_PAGE } from "../../adapters/discord/render-sources.ts";
import { withListings } from "../../src/index.ts";
import {
  countingEngine,
  listingEngine,
  type ReadCounts,
  tenThousandListings,
} from "../support/ten-thousand-corpus.ts";
import {
  ALICE,
  AUTOCOMPLETE_RESULT,
  EPHEMERAL,
  type Harness,
  REPLY,
  startHarness,
} from "./discord-harness.ts";

/** Callback type of a component's message edited in place. */
const UPDATE_MESSAGE = 7;

/** /sources and autocomplete over 10,000 articles through discord.js, counted. */
describe("discord: /sources pages and autocomplete at 10,000 articles", () => {
  let h: Harness;
  const counts: ReadCounts = { articles: 0, speakers: 0 };
  let speakerCount: number;

  beforeAll(async () => {
    const listings = await tenThousandListings();
    speakerCount = listings.speakers.length;
    h = await startHarness(countingEngine(withListings(listingEngine(listings).engine), counts));
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it("replies privately with the page asked for and buttons, reading only that page", async () => {
    counts.articles = 0;
    const interaction = h.fake.command("sources", [{ name: "page", type: 4, value: 3 }], {
      user: ALICE,
    });
    const [reply] = await h.requestsWhen(interaction, (rs) => rs.length > 0, "the page");
    expect(counts.articles).toBeLessThanOrEqual(SOURCES_PER_PAGE);
    expect(reply?.body).toMatchObject({ type: REPLY, data: { flags: EPHEMERAL } });
    const [embed] = (reply?.body.data.embeds ?? []) as { title: string; description: string }[];
    expect(embed?.title).toBe("Sources (10,000 articles, page 3 of 1,000)");
    expect(embed?.description).toContain("21. [");
    expect(embed?.description).toContain("30. [");
    expect(embed?.description).not.toContain("31. [");
    const buttons = reply?.body.data.components[0].components as { custom_id: string }[];
    expect(buttons.map((b) => b.custom_id)).toEqual(["sources:2", "sources:4"]);
  });

  it("turns the page in place when Next is clicked", async () => {
    const asked = h.fake.command("sources", [], { user: ALICE });
    await h.requestsWhen(asked, (rs) => rs.length > 0, "the first page");
    const message = [...h.fake.messages.values()].find((m) => m.token === asked.token);
    expect(message).toBeDefined();
    counts.articles = 0;
    const click = h.fake.click(message as NonNullable<typeof message>, "sources:2", {
      user: ALICE,
    });
    const [update] = await h.requestsWhen(click, (rs) => rs.length > 0, "the page turned");
    expect(counts.articles).toBeLessThanOrEqual(SOURCES_PER_PAGE);
    expect(update?.body.type).toBe(UPDATE_MESSAGE);
    const [embed] = (update?.body.data.embeds ?? []) as { title: string; description: string }[];
    expect(embed?.title).toContain("page 2 of 1,000");
    expect(embed?.description).toContain("11. [");
    expect(message?.embeds[0]?.title).toContain("page 2 of 1,000");
  });

  it("suggests at most 25 speakers per keystroke, reading about as many", async () => {
    for (const typed of ["", "a", "mi", "minister"]) {
      counts.speakers = 0;
      const interaction = h.fake.command(
        "quotes",
        [{ name: "person", value: typed, focused: true }],
        { user: ALICE, type: 4 },
      );
      const [callback] = await h.requestsWhen(interaction, (rs) => rs.length > 0, "choices");
      expect(callback?.body.type).toBe(AUTOCOMPLETE_RESULT);
      const choices = callback?.body.data.choices as unknown[];
      expect(choices.length, typed).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(counts.speakers, typed).toBeLessThanOrEqual(25);
    }
    expect(speakerCount).toBeGreaterThan(1_000);
  });
});
