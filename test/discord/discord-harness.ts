import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type DiscordConfig, DiscordConfigSchema } from "../../adapters/discord/discord-config.ts";
import { type DiscordFace, startDiscord } from "../../adapters/discord/start-discord.ts";
import {
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

export interface Harness {
  fake: FakeDiscord;
  face: DiscordFace;
  logs: ReturnType<typeof createRecordingLogger>;
  feedback: FeedbackStore;
  dataDir: string;
  config: DiscordConfig;
  /** The final message of an interaction: the edited deferral or the direct reply. */
  responseTo(interaction: InjectedInteraction): Promise<FakeMessage>;
  /** Every request the interaction caused, waiting until `done` says enough arrived. */
  waitForRequests(
    interaction: InjectedInteraction,
    done: (requests: RecordedRequest[]) => boolean,
    description: string,
  ): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

export async function startHarness(
  engine: Engine,
  env: Record<string, string> = {},
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
    face = await startDiscord({ engine, config, logger: logs, feedback });
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    face,
    logs,
    feedback,
    dataDir,
    config,
    async responseTo(interaction) {
      return fake.waitFor(() => {
        const requests = fake.requestsFor(interaction);
        const last = requests[requests.length - 1];
        const finished =
          last &&
          (last.path.endsWith("/messages/@original") && last.method === "PATCH"
            ? true
            : last.path.endsWith("/callback") && last.body?.type === 4);
        if (!finished) return undefined;
        return [...fake.messages.values()].find(
          (m) => m.token === interaction.token && !m.deleted && m.flags === 0,
        );
      }, `the response to interaction ${interaction.id}`);
    },
    async waitForRequests(interaction, done, description) {
      return fake.waitFor(() => {
        const requests = fake.requestsFor(interaction);
        return done(requests) ? requests : undefined;
      }, description);
    },
    async close() {
      await face.stop();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
