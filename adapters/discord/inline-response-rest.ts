import {
  DiscordAPIError,
  REST,
  type RESTOptions,
  type RequestData,
  type RouteLike,
} from "discord.js";
import { RequestClosedError } from "./request-closed-error.ts";

/** Sends an interaction's response as the answer to Discord's POST; resolves once sent. */
export type InlineResponder = (body: unknown) => Promise<void>;

const CALLBACK_ROUTE = /^\/interactions\/(\d+)\/[^/]+\/callback$/;
const UNKNOWN_INTERACTION = 10062;

/**
 * discord.js's REST client, except that an interaction's response ("reply", "defer",
 * "update", autocomplete choices: `POST /interactions/{id}/{token}/callback`) becomes the
 * HTTP answer to the request that delivered it, for interactions `expect`ed here. So the
 * gateway face's handlers answer interactions received over HTTP unchanged, and with
 * discord.js's own bookkeeping (deferred, replied, ephemeral); everything after the
 * response (editing it in, follow-ups) still goes to Discord's REST API.
 */
export class InlineResponseRest extends REST {
  private readonly waiting = new Map<string, InlineResponder>();

  constructor(options: Partial<RESTOptions>) {
    super(options);
  }

  /** The interaction's response goes to `respond`, once, until `release`. */
  expect(interactionId: string, respond: InlineResponder): void {
    this.waiting.set(interactionId, respond);
  }

  /** Stops waiting for the interaction's response; whether it was still awaited. */
  release(interactionId: string): boolean {
    return this.waiting.delete(interactionId);
  }

  override async post(route: RouteLike, options: RequestData = {}): Promise<unknown> {
    const id = CALLBACK_ROUTE.exec(route)?.[1];
    if (id === undefined) return super.post(route, options);
    const respond = this.waiting.get(id);
    this.waiting.delete(id);
    if (options.files !== undefined && options.files.length > 0) {
      throw new Error("an interaction answered over HTTP cannot carry files in its response");
    }
    // Discord's HTTP request is gone (it waits 3 seconds) or was never ours: Discord would
    // answer a callback now with "Unknown interaction", and the error boundary knows it.
    if (respond === undefined) throw unknownInteraction(route, options);
    try {
      await respond(options.body);
    } catch (error) {
      throw error instanceof RequestClosedError ? unknownInteraction(route, options) : error;
    }
    // What Discord's callback endpoint returns without `with_response`: nothing.
    return undefined;
  }
}

function unknownInteraction(route: RouteLike, options: RequestData): DiscordAPIError {
  return new DiscordAPIError(
    { code: UNKNOWN_INTERACTION, message: "Unknown interaction" },
    UNKNOWN_INTERACTION,
    404,
    "POST",
    route,
    { body: options.body, files: undefined },
  );
}
