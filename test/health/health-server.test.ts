import { afterEach, describe, expect, it } from "vitest";
import {
  AppError,
  createFaceStatus,
  type HealthReport,
  type HealthServer,
  healthReport,
  SILENT_LOGGER,
  startHealthServer,
} from "../../src/index.ts";
import { seedArticle, seedEngine } from "../support/seed-engine.ts";
import { httpRequest } from "./http-get.ts";

const corpus = { corpusStatus: () => ({ articles: 7, builtAt: "2026-11-30T12:00:00.000Z" }) };

describe("healthReport", () => {
  it("serves only while every face is in a serving state", () => {
    const telegram = createFaceStatus<string>("telegram", "starting", ["polling", "webhook"]);
    const discord = createFaceStatus("discord", "connecting", ["ready"]);
    expect(healthReport(corpus, [telegram, discord])).toEqual({
      status: "unavailable",
      corpus: { articles: 7, builtAt: "2026-11-30T12:00:00.000Z" },
      faces: { telegram: "starting", discord: "connecting" },
    });
    telegram.set("polling");
    expect(healthReport(corpus, [telegram, discord]).status).toBe("unavailable");
    discord.set("ready");
    expect(healthReport(corpus, [telegram, discord])).toMatchObject({
      status: "serving",
      faces: { telegram: "polling", discord: "ready" },
    });
    telegram.set("failed");
    expect(healthReport(corpus, [telegram, discord]).status).toBe("unavailable");
  });

  it("serves with no face at all (the terminal chat)", () => {
    expect(healthReport(corpus, [])).toEqual({
      status: "serving",
      corpus: corpus.corpusStatus(),
      faces: {},
    });
  });

  it("dates the engine's snapshot, and again after a refresh swaps a new one in", async () => {
    const times = [new Date("2026-01-01T00:00:00Z"), new Date("2026-01-02T00:00:00Z")];
    const engine = seedEngine({ now: () => times.shift() ?? new Date(0) });
    expect(engine.corpusStatus()).toEqual({ articles: 1, builtAt: "2026-01-01T00:00:00.000Z" });
    const copy = { ...seedArticle(), id: "seed-copy" };
    await engine.replaceArticles([seedArticle(), copy]);
    expect(engine.corpusStatus()).toEqual({ articles: 2, builtAt: "2026-01-02T00:00:00.000Z" });
  });
});

describe("startHealthServer (real HTTP on 127.0.0.1)", () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("answers GET /healthz with the report: 200 while serving, 503 when a face is not", async () => {
    const telegram = createFaceStatus<string>("telegram", "polling", ["polling"]);
    server = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      report: () => healthReport(corpus, [telegram]),
      logger: SILENT_LOGGER,
    });
    expect(server.address.host).toBe("127.0.0.1");
    const ok = await httpRequest(server.address.port, "/healthz");
    expect(ok.status).toBe(200);
    expect(ok.headers["content-type"]).toMatch(/^application\/json/);
    expect(ok.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(ok.body) as HealthReport).toEqual({
      status: "serving",
      corpus: { articles: 7, builtAt: "2026-11-30T12:00:00.000Z" },
      faces: { telegram: "polling" },
    });

    telegram.set("failed");
    const down = await httpRequest(server.address.port, "/healthz?probe=1");
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toMatchObject({
      status: "unavailable",
      faces: { telegram: "failed" },
    });
  });

  it("answers HEAD without a body, 405 to other methods and 404 to other paths", async () => {
    server = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      report: () => healthReport(corpus, []),
      logger: SILENT_LOGGER,
    });
    const port = server.address.port;
    const head = await httpRequest(port, "/healthz", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    const post = await httpRequest(port, "/healthz", "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
    expect((await httpRequest(port, "/", "GET")).status).toBe(404);
    expect((await httpRequest(port, "/healthz/extra", "GET")).status).toBe(404);
  });

  it("refuses a port already taken with a message naming HEALTH_PORT", async () => {
    server = await startHealthServer({
      host: "127.0.0.1",
      port: 0,
      report: () => healthReport(corpus, []),
      logger: SILENT_LOGGER,
    });
    const error = await startHealthServer({
      host: "127.0.0.1",
      port: server.address.port,
      report: () => healthReport(corpus, []),
      logger: SILENT_LOGGER,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFIG_INVALID");
    expect((error as AppError).message).toContain("HEALTH_PORT");
    expect((error as AppError).message).toContain("EADDRINUSE");
  });
});
