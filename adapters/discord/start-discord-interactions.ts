import type { AddressInfo } from "node:net";
import { Client, Events, type Interaction, Options } from "discord.js";
import { AppError, createFaceStatus, type HealthReport, healthReport } from "../../src/index.ts";
import { warnIfCommandsMissing } from "./check-registered-commands.ts";
import { createBotContext } from "./create-bot-context.ts";
import { DEFAULT_DISCORD_INTERACTIONS_HOST } from "./discord-config.ts";
import { GLOBAL_REQUESTS_PER_SECOND, NO_MENTIONS } from "./discord-limits.ts";
import { DISCORD_SERVING_STATES, type DiscordState } from "./discord-state.ts";
import { drainInFlight } from "./drain-in-flight.ts";
import { createInteractionHandler, describeError } from "./handle-interaction.ts";
import { InlineResponseRest } from "./inline-response-rest.ts";
import {
  createInteractionsServer,
  INTERACTIONS_PATH,
  type InteractionResponse,
  type RawInteraction,
} from "./interactions-server.ts";
import { type DiscordFace, DRAIN_TIMEOUT_MS, type StartDiscordOptions } from "./start-discord.ts";
import { createSignatureVerifier } from "./verify-discord-signature.ts";

export interface StartDiscordInteractionsOptions
  extends Omit<StartDiscordOptions, "readyTimeoutMs"> {
  /** What `GET /healthz` on the interactions port reports; this face alone by default. */
  health?: () => HealthReport;
}

export interface DiscordInteractionsFace extends DiscordFace {
  /** Where the endpoint listens (port 0 in DISCORD_INTERACTIONS_PORT picks a free one). */
  address: { host: string; port: number };
}

/**
 * The gateway's discord.js action for INTERACTION_CREATE, which builds the interaction from
 * Discord's payload and emits it. discord.js has no public way to make an interaction from
 * a payload received elsewhere (the constructors are private); this one call is the same
 * path a gateway dispatch takes, so every handler sees what it sees over the gateway.
 */
interface InteractionCreateAction {
  handle(payload: RawInteraction): void;
}

/**
 * Answers Discord's interactions over HTTP instead of the gateway: Discord POSTs each one
 * to DISCORD_INTERACTIONS_HOST:DISCORD_INTERACTIONS_PORT/interactions, signed with the
 * application's key. Nothing connects to Discord and nothing is kept between two requests
 * but what `state` keeps (shared through PostgreSQL), so any number of instances can sit
 * behind a load balancer. The handlers are the gateway face's: their first response
 * becomes the HTTP answer (see InlineResponseRest); edits and follow-ups go to the REST
 * API with the interaction's token, which needs no bot token.
 */
export async function startDiscordInteractions(
  options: StartDiscordInteractionsOptions,
): Promise<DiscordInteractionsFace> {
  const { config } = options;
  const logger = options.logger.child({ face: "discord" });
  const status =
    options.status ??
    createFaceStatus<DiscordState>("discord", "connecting", DISCORD_SERVING_STATES);
  status.set("connecting");
  const publicKey = config.DISCORD_PUBLIC_KEY;
  const port = config.DISCORD_INTERACTIONS_PORT;
  if (publicKey === undefined || port === undefined) {
    throw new AppError(
      "CONFIG_INVALID",
      "DISCORD_PUBLIC_KEY and DISCORD_INTERACTIONS_PORT must both be set to receive interactions over HTTP; see docs/discord.md.",
    );
  }
  const host = config.DISCORD_INTERACTIONS_HOST ?? DEFAULT_DISCORD_INTERACTIONS_HOST;
  const ctx = createBotContext(options, logger);

  const rest = new InlineResponseRest({
    api: config.DISCORD_API_BASE,
    globalRequestsPerSecond: GLOBAL_REQUESTS_PER_SECOND,
  });
  if (config.DISCORD_BOT_TOKEN) rest.setToken(config.DISCORD_BOT_TOKEN);
  const client = new Client({
    intents: [],
    allowedMentions: NO_MENTIONS,
    // Each interaction carries its user; kept, they would only pile up in a process that
    // never hears from the gateway when to forget them.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, UserManager: 0 }),
  });
  client.rest = rest;
  const interactionCreate = (client as unknown as { actions: { InteractionCreate: unknown } })
    .actions.InteractionCreate as InteractionCreateAction;

  const handle = createInteractionHandler(ctx);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  // The response of the interaction discord.js is emitting now: handle() emits at once.
  let current: { id: string; response: InteractionResponse } | undefined;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const delivered = current;
    if (delivered === undefined || delivered.id !== interaction.id) return;
    current = undefined;
    const work = handle(interaction).finally(() => {
      inFlight.delete(work);
      // A handler that ended without any response (an interaction kind the bot does not
      // handle): Discord shows "This interaction failed" rather than waiting 3 seconds.
      if (rest.release(interaction.id)) {
        logger.warn(
          { interactionId: interaction.id, type: interaction.type },
          "Discord: an interaction got no response",
        );
        delivered.response.fail(500);
      }
    });
    inFlight.add(work);
  });

  const dispatch = (payload: RawInteraction, response: InteractionResponse) => {
    if (stopping) {
      response.fail(503);
      return;
    }
    rest.expect(payload.id, response.respond);
    current = { id: payload.id, response };
    let unreadable: unknown;
    try {
      interactionCreate.handle(payload);
    } catch (error) {
      unreadable = error;
    }
    if (current === undefined) return;
    // discord.js made nothing of it: a kind of interaction it does not know, or fields
    // missing that it needs (signed, so Discord's own doing: a new kind, a changed shape).
    current = undefined;
    rest.release(payload.id);
    logger.warn(
      { type: payload.type, ...(unreadable !== undefined && { err: describeError(unreadable) }) },
      "Discord: an interaction discord.js could not read",
    );
    response.fail(400);
  };

  const server = createInteractionsServer({
    verify: createSignatureVerifier(publicKey),
    dispatch,
    health: options.health ?? (() => healthReport(options.engine, [status])),
    logger,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          new AppError(
            "CONFIG_INVALID",
            `Cannot listen on ${host}:${port} for Discord interactions (${error.code}). Set DISCORD_INTERACTIONS_PORT to a free port, or DISCORD_INTERACTIONS_HOST to an address of this machine.`,
            { cause: error },
          ),
        ),
      );
      server.listen(port, host, resolve);
    });
  } catch (error) {
    status.set("failed");
    await client.destroy();
    throw error;
  }
  const address = server.address() as AddressInfo;
  status.set("ready");
  logger.info(
    {
      host: address.address,
      port: address.port,
      path: INTERACTIONS_PATH,
      moderatorRoles: config.DISCORD_MODERATOR_ROLE_IDS.length,
      corpusCommands: options.corpus !== undefined,
    },
    "Discord: interactions endpoint listening",
  );
  if (config.DISCORD_BOT_TOKEN && config.DISCORD_APPLICATION_ID) {
    void warnIfCommandsMissing(
      rest,
      config.DISCORD_APPLICATION_ID,
      config.DISCORD_GUILD_ID,
      logger,
    );
  }

  let stopped: Promise<void> | undefined;
  return {
    address: { host: address.address, port: address.port },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        status.set("stopping");
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await drainInFlight(inFlight, options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS, logger);
        server.closeAllConnections();
        await closed;
        await client.destroy();
        logger.info("Discord: interactions endpoint closed");
      })();
      return stopped;
    },
  };
}
