import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { AppError } from "../errors.ts";
import type { Logger } from "../log/logger.ts";
import type { HealthReport } from "./health-report.ts";
import { HEALTH_PATH, respondHealth } from "./respond-health.ts";

export interface HealthServerOptions {
  /** HEALTH_HOST: 127.0.0.1 unless a probe from another machine or container needs it. */
  host: string;
  /** HEALTH_PORT; 0 picks a free port (tests), then read `address`. */
  port: number;
  report: () => HealthReport;
  logger: Logger;
}

export interface HealthServer {
  address: { host: string; port: number };
  /** Stops listening and closes open connections. Idempotent. */
  stop(): Promise<void>;
}

/** A node:http server that answers `GET /healthz` and 404 elsewhere; nothing else listens. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { host, port, report, logger } = options;
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname === HEALTH_PATH) respondHealth(req, res, report);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new AppError(
          "CONFIG_INVALID",
          `Cannot listen on ${host}:${port} for health checks (${error.code}). Set HEALTH_PORT to a free port, or HEALTH_HOST to an address of this machine.`,
          { cause: error },
        ),
      ),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  logger.info(
    { host: address.address, port: address.port, path: HEALTH_PATH },
    "health check listening",
  );
  let stopping: Promise<void> | undefined;
  return {
    address: { host: address.address, port: address.port },
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
