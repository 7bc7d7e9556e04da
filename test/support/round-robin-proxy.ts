import { createServer, type IncomingMessage, request } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the proxy passed on: to which instance, and what came back (502: cut or refused). */
export interface ProxiedRequest {
  instance: number;
  updateId: number | undefined;
  status: number | undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A load balancer in front of the instances, as small as one can be: each request goes to
 * the next port in turn, with no health checks and no retries of its own. A refused or
 * cut upstream connection is answered 502, so the sender (Telegram) decides to deliver
 * again, as it does behind a real proxy.
 */
export async function startRoundRobinProxy(ports: readonly number[]) {
  let next = 0;
  const log: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const instance = next++ % ports.length;
      let updateId: number | undefined;
      try {
        updateId = (JSON.parse(body.toString("utf8")) as { update_id?: number }).update_id;
      } catch {}
      const entry: ProxiedRequest = { instance, updateId, status: undefined };
      log.push(entry);
      const upstream = request(
        {
          host: "127.0.0.1",
          port: ports[instance],
          path: req.url,
          method: req.method,
          headers: req.headers,
          agent: false,
        },
        (answer) => {
          entry.status = answer.statusCode;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => {
        entry.status = 502;
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      upstream.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    /** Every request passed on, in arrival order. */
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port free right now on 127.0.0.1, for a process that must be told its port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
