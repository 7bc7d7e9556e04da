import type { IncomingMessage, ServerResponse } from "node:http";
import type { HealthReport } from "./health-report.ts";

/** The path health checks ask; the Telegram webhook server answers it too. */
export const HEALTH_PATH = "/healthz";

/**
 * Answers a health check: the report as JSON, 200 while serving and 503 when not, never
 * cached. HEAD gets the status alone (some load balancers probe with it).
 */
export function respondHealth(
  req: IncomingMessage,
  res: ServerResponse,
  report: () => HealthReport,
): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const current = report();
  const body = `${JSON.stringify(current)}\n`;
  res.writeHead(current.status === "serving" ? 200 : 503, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
