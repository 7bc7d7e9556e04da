import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type DiscordConfig, DiscordConfigSchema } from "../../adapters/discord/discord-config.ts";
import { type DiscordFace, startDiscord } from "../../adapters/discord/start-discord.ts";
import {
  type Answer,
  type CorpusManager,
  type Engine,
  type FeedbackStore,
  openLowdbFeedbackStore,
  parseConfig,
} from "../../src/index.ts";
import {
  FakeDiscord,
  type FakeMessage,
  type InjectedInteraction,
  type RecordedRequest,
} from "../fakes/fake-discord.ts";
import { createRecordingLogger } from "./recording-logger.ts";

export const ALICE = { id: "1600000000000000001", username: "alice" };
export const BOB = { id: "1600000000000000002", username: "bob" };
export const CAROL = { id: "1600000000000000003", username: "carol" };

export const isCallback = (r: RecordedRequest) => r.path.endsWith("/callback");
export const isEditOriginal = (r: RecordedRequest) =>
  r.method === "PATCH" && r.path.endsWith("/messages/@original");
export const isDeleteOriginal = (r: RecordedRequest) =>
  r.method === "DELETE" && r.path.endsWith("/messages/@original");
export const isFollowup = (r: RecordedRequest) =>
  r.method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(r.path);

/** Callback types (Discord's InteractionResponseType). */
export const REPLY = 4;
export const DEFER_REPLY = 5;
export const DEFER_UPDATE = 6;
export const AUTOCOMPLETE_RESULT = 8;
export const EPHEMERAL = 64;

/** Waits until the interaction's requests to `fake` satisfy `done`, and returns them in order. */
export function requestsWhen(
  fake: FakeDiscord,
  interaction: InjectedInteraction,
  done: (requests: RecordedRequest[]) => boolean,
  description: string,
): Promise<RecordedRequest[]> {
  return fake.waitFor(() => {
    const requests = fake.requestsFor(interaction);
    return done(requests) ? requests : undefined;
  }, description);
}

/** The custom ids of a message's buttons, row by row. */
export const customIds = (message: FakeMessage): string[] =>
  message.components.flatMap((row: { components: { custom_id: string }[] }) =>
    row.components.map((button) => button.custom_id),
  );

export interface Harness {
  fake: FakeDiscord;
  face: DiscordFace;
  logs: ReturnType<typeof createRecordingLogger>;
  feedback: FeedbackStore;
  dataDir: string;
  config: DiscordConfig;
  /** Waits until the interaction's requests satisfy `done`, and returns them in order. */
  requestsWhen(
    interaction: InjectedInteraction,
    done: (requests: RecordedRequest[]) => boolean,
    description: string,
  ): Promise<RecordedRequest[]>;
  /** The public message an interaction's deferral became, once edited in. */
  answerOf(interaction: InjectedInteraction): Promise<FakeMessage>;
  close(): Promise<void>;
}

/** A fake Discord and the real bot (discord.js) logged in to it. */
export async function startHarness(
  engine: Engine,
  env: Record<string, string> = {},
  options: { corpus?: CorpusManager; statusIntervalMs?: number } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const dataDir = await mkdtemp(path.join(tmpdir(), "discord-bot-"));
  const feedback = await openLowdbFeedbackStore({ dataDir });
  const logs = createRecordingLogger();
  const config = parseConfig(DiscordConfigSchema, {
    DISCORD_BOT_TOKEN: fake.token,
    DISCORD_API_BASE: fake.apiBase,
    DISCORD_RATE_LIMIT_PER_MINUTE: "600",
    ...env,
  });
  let face: DiscordFace;
  try {
    face = await startDiscord({ engine, config, logger: logs, feedback, ...options });
  } catch (error) {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    fake,
    face,
    logs,
    feedback,
    dataDir,
    config,
    requestsWhen: (interaction, done, description) =>
      requestsWhen(fake, interaction, done, description),
    async answerOf(interaction) {
      await requestsWhen(
        fake,
        interaction,
        (rs) => rs.some((r) => isEditOriginal(r) && r.status === 200),
        "the answer edited in",
      );
      return [...fake.messages.values()].find(
        (m) => m.token === interaction.token && !m.deleted && m.flags === 0,
      ) as FakeMessage;
    },
    async close() {
      await face.stop();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface FaultyEngine extends Engine {
  /** Questions whose ask() throws. */
  throwOn: Set<string>;
  /** Questions whose ask() waits for the promise first. */
  holds: Map<string, Promise<void>>;
  /** Questions whose ask() returns this answer instead of the engine's. */
  answers: Map<string, Answer>;
  asked: string[];
}

/** The real engine with faults a test can switch on, delegating everything else. */
export function withFaults(engine: Engine): FaultyEngine {
  const throwOn = new Set<string>();
  const holds = new Map<string, Promise<void>>();
  const answers = new Map<string, Answer>();
  const asked: string[] = [];
  return {
    throwOn,
    holds,
    answers,
    asked,
    get maxQuestionLength() {
      return engine.maxQuestionLength;
    },
    async ask(question, options) {
      asked.push(question);
      if (throwOn.has(question)) throw new Error(`engine failure injected for "${question}"`);
      await holds.get(question);
      return answers.get(question) ?? engine.ask(question, options);
    },
    articles: () => engine.articles(),
    speakers: () => engine.speakers(),
    statements: () => engine.statements(),
    suggestSpeakers: (query, limit) => {
      if (throwOn.has(query)) throw new Error(`engine failure injected for "${query}"`);
      return engine.suggestSpeakers(query, limit);
    },
    describeCorpus: () => engine.describeCorpus(),
    corpusStatus: () => engine.corpusStatus(),
    replaceArticles: (articles) => engine.replaceArticles(articles),
  };
}
