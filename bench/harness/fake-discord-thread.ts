/**
 * The fake Discord (test/fakes) in a worker thread of its own, so that serving the bot's
 * REST calls and gateway does not take the bot's event loop: Discord's servers are
 * elsewhere too. The main thread asks for /ask interactions by message; the worker
 * dispatches them and reports, per interaction, how long after its dispatch the deferral
 * and the edited-in answer reached the fake (both read on the worker's own clock).
 */
import { parentPort } from "node:worker_threads";
import { FakeDiscord, type InjectedInteraction } from "../../test/fakes/fake-discord.ts";

/** Callback type of a deferred reply (Discord's InteractionResponseType 5). */
const DEFER_REPLY = 5;

export type ToFake =
  | { type: "ask"; questions: { key: number; question: string; userId: string }[] }
  | { type: "close" };
export type FromFake =
  | { type: "ready"; apiBase: string; token: string }
  | { type: "deferred"; key: number; ms: number }
  | { type: "answered"; key: number; ms: number }
  | { type: "closed" };

const port = parentPort;
if (port) {
  const fake = await FakeDiscord.start();
  const pending = new Map<string, { key: number; dispatchedAt: number }>();
  let seen = 0;
  // One probe sees each request once as it arrives; it never matches, so it never ends.
  fake
    .waitFor(
      () => {
        for (; seen < fake.requests.length; seen++) {
          const r = fake.requests[seen];
          if (r === undefined) continue;
          const token = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(r.path)?.[1];
          const asked = token === undefined ? undefined : pending.get(token);
          if (asked === undefined) continue;
          const ms = r.receivedAt - asked.dispatchedAt;
          if (r.path.endsWith("/callback") && r.body?.type === DEFER_REPLY) {
            port.postMessage({ type: "deferred", key: asked.key, ms } satisfies FromFake);
          } else if (
            r.method === "PATCH" &&
            r.path.endsWith("/messages/@original") &&
            r.status === 200
          ) {
            port.postMessage({ type: "answered", key: asked.key, ms } satisfies FromFake);
            pending.delete(token as string);
          }
        }
        return false;
      },
      "nothing (the request listener)",
      3_600_000,
    )
    .catch(() => {});
  port.on("message", async (message: ToFake) => {
    if (message.type === "ask") {
      for (const { key, question, userId } of message.questions) {
        const dispatchedAt = performance.now();
        const interaction: InjectedInteraction = fake.command(
          "ask",
          [{ name: "question", value: question }],
          // A user per question, so the per-user rate limit never answers instead of the engine.
          { user: { id: userId, username: "bench" } },
        );
        pending.set(interaction.token, { key, dispatchedAt });
      }
    } else {
      await fake.close();
      port.postMessage({ type: "closed" } satisfies FromFake);
      process.exit(0);
    }
  });
  port.postMessage({ type: "ready", apiBase: fake.apiBase, token: fake.token } satisfies FromFake);
}
