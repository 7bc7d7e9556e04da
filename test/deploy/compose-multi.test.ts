import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ROOT } from "../support/seed-engine.ts";

type Service = Record<string, unknown> & { environment?: Record<string, string> };

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
/** Every variable .env.example documents. */
const documented = new Set(
  read(".env.example")
    .split("\n")
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined),
);
// `merge`: the bot services share their settings through YAML merge keys (<<: *bot).
const compose = parseYaml(read("deploy/compose.multi.yaml"), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const caddyfile = read("deploy/Caddyfile");
const bots = Object.entries(compose.services).filter(([, s]) => s.image === "newsquote-bot:latest");
const env = (service: Service) => service.environment ?? {};

describe("deploy/compose.multi.yaml", () => {
  it("runs PostgreSQL with a health check on a named volume, and three bot instances waiting for it", () => {
    const postgres = compose.services.postgres!;
    expect(String(postgres.image)).toMatch(/^postgres:\d+/);
    expect((postgres.healthcheck as { test: string[] }).test).toContain("pg_isready");
    const mount = (postgres.volumes as string[])[0]!;
    expect(compose.volumes).toHaveProperty(mount.split(":")[0]!);
    expect(bots.map(([name]) => name)).toEqual(["bot-1", "bot-2", "bot-3"]);
    for (const [, bot] of bots) {
      expect(bot.build).toBe("..");
      expect(bot.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
      expect(Number.parseInt(String(bot.stop_grace_period), 10)).toBeGreaterThan(10);
      expect(bot.env_file).toEqual([{ path: "../.env", required: false }]);
    }
  });

  it("points every instance at the one database, in webhook mode on PORT, with only documented variables", () => {
    const { POSTGRES_USER: user, POSTGRES_DB: db } = env(compose.services.postgres!);
    for (const [name, bot] of bots) {
      const e = env(bot);
      const url = new URL(e.DATABASE_URL!.replace(/\$\{POSTGRES_PASSWORD[^}]*\}/, "secret"));
      expect(url.protocol).toBe("postgres:");
      expect(url.hostname).toBe("postgres");
      expect(url.username).toBe(user);
      expect(url.pathname).toBe(`/${db}`);
      expect(e.TELEGRAM_WEBHOOK_URL).toMatch(
        /^https:\/\/\$\{WEBHOOK_DOMAIN[^}]*\}\/telegram\/webhook$/,
      );
      expect(e.TELEGRAM_WEBHOOK_HOST).toBe("0.0.0.0");
      expect(e.PORT).toBe("8080");
      expect(e.DATA_DIR).toBe("/data");
      for (const variable of Object.keys(e))
        expect(documented, `${name}: ${variable}`).toContain(variable);
    }
  });

  it("keeps Discord's gateway on one instance: the others turn its token off", () => {
    const withDiscord = bots.filter(([, bot]) => env(bot).DISCORD_BOT_TOKEN !== "");
    expect(withDiscord.map(([name]) => name)).toEqual(["bot-1"]);
  });

  it("puts a TLS proxy in front that spreads the webhook path over every instance's PORT", () => {
    const proxy = compose.services.proxy!;
    expect(String(proxy.image)).toMatch(/^caddy:/);
    expect(proxy.ports).toEqual(expect.arrayContaining(["443:443"]));
    expect(proxy.volumes).toContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddyfile)?.[1]?.trim().split(/\s+/);
    expect(upstreams).toEqual(bots.map(([name, bot]) => `${name}:${env(bot).PORT}`));
    expect(caddyfile).toContain("lb_policy round_robin");
    expect(caddyfile).toContain("health_uri /healthz");
    const path = new URL(
      env(bots[0]![1]).TELEGRAM_WEBHOOK_URL!.replace(/\$\{WEBHOOK_DOMAIN[^}]*\}/, "x.test"),
    ).pathname;
    expect(caddyfile).toContain(`handle ${path} {`);
    expect(caddyfile).toContain("{$WEBHOOK_DOMAIN}");
  });
});
