import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted reply of the fake server to one request. */
export type FakeReply =
  /** A chat completion whose message content is `content`. */
  | { kind: "completion"; content: string; finishReason?: string; refusal?: string }
  /** Any JSON body with any status (errors such as 429 with headers). */
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  /** A body sent as it is, e.g. a JSON response cut in the middle. */
  | { kind: "raw"; status: number; body: string; contentType?: string }
  /** Takes the request and never answers. */
  | { kind: "stall" }
  /** Sends the headers and the first part of a body, then nothing more. */
  | { kind: "stall_body"; partial: string }
  /** Decides from the request (e.g. to name the passage id retrieval gave a paragraph). */
  | { kind: "respond"; reply: (request: RecordedRequest) => FakeReply };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are asserted field by field
  body: any;
}

export interface FakeOpenAi {
  /** For the SDK's `baseURL`. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Queues replies, served in order, one per request to /chat/completions. */
  enqueue(...replies: FakeReply[]): void;
  /** Replies queued but not yet served. */
  pending(): number;
  close(): Promise<void>;
}

/** A reply whose message is `value` as JSON: what a model following the schema sends. */
export function jsonReply(value: unknown): FakeReply {
  return { kind: "completion", content: JSON.stringify(value) };
}

/**
 * A fake OpenAI-compatible server on 127.0.0.1 (random port) that the real `openai` SDK
 * talks to. Each test scripts its replies; every request is recorded with its body.
 */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  let served = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // recorded as text
      }
      const path = req.url ?? "";
      requests.push({ method: req.method ?? "", path, headers: req.headers, body });
      if (req.method !== "POST" || !path.endsWith("/chat/completions")) {
        sendJson(res, 404, { error: { message: `fake: no route ${req.method} ${path}` } });
        return;
      }
      const reply = queue.shift();
      if (!reply) {
        sendJson(res, 500, { error: { message: "fake: no scripted reply left" } });
        return;
      }
      served++;
      const request = requests[requests.length - 1] as RecordedRequest;
      let chosen: FakeReply;
      try {
        chosen = reply.kind === "respond" ? reply.reply(request) : reply;
      } catch (error) {
        // A test's decision failed: answer so the test fails on its assertions, not a crash.
        chosen = { kind: "json", status: 500, body: { error: { message: `fake: ${error}` } } };
      }
      serve(res, chosen, served, (body as { model?: string })?.model ?? "fake-model");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled requests hold their sockets open: close them, or close() never ends.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serve(res: ServerResponse, reply: FakeReply, n: number, model: string): void {
  switch (reply.kind) {
    case "completion":
      sendJson(res, 200, {
        id: `chatcmpl-fake-${n}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [
          {
            index: 0,
            message: {
              role: "assistant",
              content: reply.refusal ? null : reply.content,
              refusal: reply.refusal ?? null,
            },
            finish_reason: reply.finishReason ?? "stop",
          },
        ],
        usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
      });
      return;
    case "json":
      sendJson(res, reply.status, reply.body, reply.headers);
      return;
    case "raw":
      res.writeHead(reply.status, { "content-type": reply.contentType ?? "application/json" });
      res.end(reply.body);
      return;
    case "stall":
    case "respond":
      return;
    case "stall_body":
      res.writeHead(200, { "content-type": "application/json" });
      res.write(reply.partial);
      return;
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** The passages of a compose request, by id, as the model read them. */
export function passagesOf(request: RecordedRequest): Map<string, string> {
  const user = String(request.body?.messages?.[1]?.content ?? "");
  const out = new Map<string, string>();
  for (const match of user.matchAll(/^\[(P\d+)\] .*\n(.*)$/gm)) {
    out.set(match[1] as string, match[2] as string);
  }
  return out;
}

/** The id the request gave the passage holding `words`; throws when none holds them. */
export function passageIdOf(request: RecordedRequest, words: string): string {
  for (const [id, text] of passagesOf(request)) if (text.includes(words)) return id;
  throw new Error(`no passage of the request holds: ${words}`);
}
