import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { httpRequest } from "../health/http-get.ts";
import { ROOT } from "../support/seed-engine.ts";
import {
  envOf,
  type Instruction,
  isIgnored,
  readDockerfile,
  splitFlags,
} from "./read-dockerfile.ts";

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const dockerfile = readDockerfile(read("Dockerfile"));
const dockerignore = read(".dockerignore");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
/** Every variable .env.example documents. */
const documented = new Set(
  read(".env.example")
    .split("\n")
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined),
);
const lastStage = Math.max(...dockerfile.map((i) => i.stage));
const runtime = dockerfile.filter((i) => i.stage === lastStage);
const all = (keyword: string, from: readonly Instruction[] = dockerfile) =>
  from.filter((i) => i.keyword === keyword);
const runtimeEnv = Object.assign({}, ...all("ENV", runtime).map((i) => envOf(i.args))) as Record<
  string,
  string
>;
const execForm = (args: string) => JSON.parse(args) as string[];
const cmd = execForm(all("CMD", runtime).at(-1)!.args);
const healthcheck = splitFlags(all("HEALTHCHECK", runtime).at(-1)!.args);
const shippedArticles = readdirSync(join(ROOT, "corpus")).filter((f) => f.endsWith(".md")).length;
/** The base image the Dockerfile names by default (ARG NODE_IMAGE=...). */
const baseImage = envOf(all("ARG").find((i) => i.args.startsWith("NODE_IMAGE="))!.args).NODE_IMAGE!;

/** The files a COPY without --from takes from the build context: [source, destination]. */
function contextCopies(): Array<[string, string]> {
  return all("COPY", runtime).flatMap((instruction) => {
    const { flags, rest } = splitFlags(instruction.args);
    if (flags.from !== undefined) return [];
    const parts = rest.split(/\s+/);
    const dest = parts.pop()!;
    return parts.map((source): [string, string] => [
      source,
      dest.endsWith("/") ? join(dest, basename(source)) : dest,
    ]);
  });
}

describe("Dockerfile", () => {
  it("builds in stages on Node 20, from the lock file, and runs as an unprivileged user", () => {
    const froms = all("FROM");
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(baseImage).toMatch(/^node:20[-.@]/);
    for (const from of froms) expect(from.args).toMatch(/^\$\{NODE_IMAGE\} AS \w+$/);
    const stages = froms.map((f) => f.args.split(" AS ")[1]);
    for (const copy of all("COPY")) {
      const { from } = splitFlags(copy.args).flags;
      if (from !== undefined) expect(stages.slice(0, copy.stage)).toContain(from);
    }
    // Dependencies as locked, without the development tools.
    const install = all("RUN").find((i) => i.args.includes("npm ci"));
    expect(install?.args).toContain("--omit=dev");
    expect(install?.stage).toBeLessThan(lastStage);
    expect(existsSync(join(ROOT, "package-lock.json"))).toBe(true);
    const user = all("USER", runtime).at(-1)?.args;
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user);
  });

  it("keeps DATA_DIR on a volume the bot's user may write", () => {
    const dataDir = runtimeEnv.DATA_DIR!;
    expect(dataDir).toMatch(/^\//);
    const volumes = all("VOLUME", runtime).flatMap((i) => execForm(i.args));
    expect(volumes).toContain(dataDir);
    const user = all("USER", runtime).at(-1)!.args;
    const chown = all("RUN", runtime).find((i) => i.args.includes(`chown ${user}`));
    expect(chown?.args).toContain(dataDir);
  });

  it("copies only files that exist and that .dockerignore lets into the context", () => {
    const copies = contextCopies();
    expect(copies.map(([source]) => source)).toEqual(
      expect.arrayContaining([
        "package.json",
        "package-lock.json",
        "src",
        "bin",
        "adapters",
        "corpus",
        "prompts",
      ]),
    );
    for (const [source] of copies) {
      expect(existsSync(join(ROOT, source)), source).toBe(true);
      expect(isIgnored(dockerignore, source), source).toBe(false);
    }
    // Secrets and the host's installed packages (built for this machine) stay out.
    for (const path of [
      ".env",
      ".env.production",
      "node_modules",
      "data/corpus-store.json",
      ".git/config",
    ])
      expect(isIgnored(dockerignore, path), path).toBe(true);
    expect(isIgnored(dockerignore, "corpus/kursk-negotiation-landscape.md")).toBe(false);
  });

  it("starts the bot as `npm start` does, and every npm command it runs exists", () => {
    expect(cmd.join(" ")).toBe(scripts.start);
    for (const run of all("RUN")) {
      for (const [, script] of run.args.matchAll(/npm run (\S+)/g))
        expect(scripts).toHaveProperty(script!);
    }
  });

  it("checks health on HEALTH_PORT's /healthz, and documents every variable it sets", () => {
    expect(healthcheck.flags).toMatchObject({
      interval: expect.any(String),
      timeout: expect.any(String),
    });
    const probe = execForm(healthcheck.rest.replace(/^CMD\s+/, ""));
    expect(probe.join(" ")).toContain("process.env.HEALTH_PORT");
    expect(probe.join(" ")).toContain("/healthz");
    expect(runtimeEnv.HEALTH_PORT).toMatch(/^\d+$/);
    expect(runtimeEnv.HEALTH_HOST).toBe("127.0.0.1");
    for (const name of Object.keys(runtimeEnv)) expect(documented, name).toContain(name);
    const exposed = all("EXPOSE", runtime).map((i) => i.args);
    expect(exposed).toContain("8080"); // PORT's default: the webhook server
  });
});

describe("the image's start command on a clean copy of what the Dockerfile copies", () => {
  const work = mkdtempSync(join(tmpdir(), "image-copy-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const app = join(work, "app");
  const workdir = all("WORKDIR", runtime).at(-1)!.args;
  const inImage = (path: string) => join(app, relative(workdir, join(workdir, path)));

  it("answers a question and serves /healthz, with no token and nothing else of the repository", async () => {
    for (const [source, dest] of contextCopies()) {
      cpSync(join(ROOT, source), inImage(dest), {
        recursive: true,
        filter: (from) => !isIgnored(dockerignore, relative(ROOT, from)),
      });
    }
    // Stage 1's node_modules: the same packages, installed from the same lock file.
    symlinkSync(join(ROOT, "node_modules"), join(app, "node_modules"));
    const dataDir = join(work, "volume");
    mkdirSync(dataDir);
    const env: Record<string, string> = { PATH: process.env.PATH ?? "" };
    for (const [name, value] of Object.entries(runtimeEnv))
      env[name] = value.startsWith(`${workdir}/`)
        ? inImage(value.slice(workdir.length + 1))
        : value;
    Object.assign(env, { DATA_DIR: dataDir, HEALTH_PORT: "0", LOG_LEVEL: "info" });

    const [program, ...args] = cmd;
    expect(program).toBe("node");
    const child = spawn(process.execPath, args, { cwd: app, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setInterval(() => {
          const line = stderr.split("\n").find((l) => l.includes("health check listening"));
          if (line !== undefined) {
            clearInterval(timer);
            resolve((JSON.parse(line) as { port: number }).port);
          } else if (child.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`exited ${child.exitCode}:\n${stderr}`));
          }
        }, 50);
      });
      const health = await httpRequest(port, "/healthz");
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ corpus: { articles: shippedArticles } });

      // The HEALTHCHECK's own command: healthy against this bot, unhealthy against nothing.
      const [probe, ...probeArgs] = execForm(healthcheck.rest.replace(/^CMD\s+/, ""));
      expect(probe).toBe("node");
      const healthy = spawnSync(process.execPath, probeArgs, {
        env: { ...env, HEALTH_PORT: String(port) },
      });
      expect(healthy.status).toBe(0);

      child.stdin.end("What did Ushakov say?\n");
      expect(await exited).toBe(0);
      expect(stdout).toContain("Ushakov");
      expect(stderr).toContain("TELEGRAM_BOT_TOKEN"); // the banner says how to start a platform
      const unhealthy = spawnSync(process.execPath, probeArgs, {
        env: { ...env, HEALTH_PORT: String(port) },
      });
      expect(unhealthy.status).toBe(1);
      // The store and the corpus cache went to the volume, nowhere else.
      expect(readdirSync(dataDir)).toContain("cache");
      expect(existsSync(join(app, "data"))).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 90_000);
});

describe("compose.yaml", () => {
  const compose = parseYaml(read("compose.yaml")) as {
    services: Record<string, Record<string, unknown>>;
    volumes: Record<string, unknown>;
  };
  const bot = compose.services.bot!;
  const environment = bot.environment as Record<string, string>;

  it("builds the bot from this folder and keeps its DATA_DIR on a named volume", () => {
    expect(bot.build).toBe(".");
    expect(bot.profiles).toBeUndefined(); // starts with a plain `docker compose up`
    const dataDir = environment.DATA_DIR;
    expect(dataDir).toBe(runtimeEnv.DATA_DIR);
    const mount = (bot.volumes as string[]).find((v) => v.endsWith(`:${dataDir}`));
    expect(mount).toBeDefined();
    expect(compose.volumes).toHaveProperty(mount!.split(":")[0]!);
    // Longer than the bot's own shutdown budget (SHUTDOWN_TIMEOUT_SECONDS, default 10).
    expect(Number.parseInt(String(bot.stop_grace_period), 10)).toBeGreaterThan(10);
    expect(bot.env_file).toEqual([{ path: ".env", required: false }]);
  });

  it("offers a local model server behind the `llm` profile, and points OPENAI_BASE_URL at it", () => {
    const model = Object.entries(compose.services).find(([, s]) =>
      (s.profiles as string[] | undefined)?.includes("llm"),
    );
    expect(model).toBeDefined();
    const [name, service] = model!;
    expect(
      (service.volumes as string[]).some((v) => compose.volumes[v.split(":")[0]!] !== undefined),
    ).toBe(true);
    // ${OPENAI_BASE_URL:-default}: .env may name another server; the default is the service.
    const fallback = /^\$\{OPENAI_BASE_URL:-(.+)\}$/.exec(environment.OPENAI_BASE_URL ?? "")?.[1];
    expect(fallback).toBeDefined();
    const url = new URL(fallback!);
    expect(url.hostname).toBe(name);
    expect(url.pathname).toBe("/v1");
  });

  it("sets only variables .env.example documents", () => {
    for (const name of Object.keys(environment)) expect(documented, name).toContain(name);
  });
});

describe("deploy/newsquote-bot.service (systemd)", () => {
  const unit = read("deploy/newsquote-bot.service");
  const values = (key: string) =>
    unit
      .split("\n")
      .filter((line) => line.startsWith(`${key}=`))
      .map((line) => line.slice(key.length + 1));

  it("runs npm start's command as an unprivileged user, with DATA_DIR as its state folder", () => {
    const [exec] = values("ExecStart");
    expect(exec).toMatch(/^\/\S*node /);
    expect(exec!.replace(/^\S*node /, "node ")).toBe(scripts.start);
    expect(values("User")[0]).toMatch(/^[a-z]/);
    expect(values("User")[0]).not.toBe("root");
    const env = Object.fromEntries(
      values("Environment").map((v) => v.split("=") as [string, string]),
    );
    expect(env.DATA_DIR).toBe(`/var/lib/${values("StateDirectory")[0]}`);
    for (const name of Object.keys(env)) expect(documented, name).toContain(name);
  });

  it("stops within the bot's shutdown budget and does not restart on a bad configuration", () => {
    expect(Number(values("TimeoutStopSec")[0])).toBeGreaterThan(10);
    // bin/start.ts exits with 2 on CONFIG_INVALID.
    expect(values("RestartPreventExitStatus")).toEqual(["2"]);
    expect(values("Restart")).toEqual(["on-failure"]);
  });
});

/** Where Docker runs and already has the base image: nothing can be pulled here. */
function dockerCanBuild(): boolean {
  const inspect = spawnSync("docker", ["image", "inspect", baseImage], { timeout: 10_000 });
  return inspect.status === 0;
}

// Registered only where Docker can build without pulling (see docs/deploy.md): a
// development machine without Docker runs the checks above instead, not a skipped test.
if (dockerCanBuild()) {
  describe("docker build", () => {
    const tag = `newsquote-bot:test-${process.pid}`;
    afterAll(() => {
      spawnSync("docker", ["image", "rm", "-f", tag]);
    });

    it("builds the image, which runs as its unprivileged user and answers a question", () => {
      const build = spawnSync("docker", ["build", "--pull=false", "-t", tag, ROOT], {
        encoding: "utf8",
        timeout: 600_000,
      });
      expect(build.status, build.stderr).toBe(0);
      const user = spawnSync("docker", ["image", "inspect", "--format", "{{.Config.User}}", tag], {
        encoding: "utf8",
      });
      expect(user.stdout.trim()).toBe(all("USER", runtime).at(-1)!.args);
      const run = spawnSync("docker", ["run", "--rm", "-i", tag], {
        input: "What did Ushakov say?\n",
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain("Ushakov");
    }, 720_000);
  });
}
