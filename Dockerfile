# newsquote-bot as a container: `docker build -t newsquote-bot .` (see docs/deploy.md).
# Pin NODE_IMAGE to a digest in production (node:20-bookworm-slim@sha256:...).
ARG NODE_IMAGE=node:20-bookworm-slim

# --- Stage 1: the production dependencies, installed from the lock file. Only this stage
# sees npm's cache; the runtime gets the finished node_modules and nothing else of npm's.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# --- Stage 2: the runtime. The code is root's and read-only to the bot; the bot runs as
# the image's unprivileged `node` user and writes only to DATA_DIR, a volume.
FROM ${NODE_IMAGE} AS runtime
ENV CORPUS_DIR=/app/corpus \
    DATA_DIR=/data \
    HEALTH_PORT=8081 \
    HEALTH_HOST=127.0.0.1
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY adapters ./adapters
COPY prompts ./prompts
COPY corpus ./corpus
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# The Telegram webhook server (TELEGRAM_WEBHOOK_URL set); long polling and Discord need no port.
EXPOSE 8080
# /healthz on HEALTH_PORT: 200 while every face serves, 503 while one starts, reconnects or failed.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `npm start`'s command, run by node itself: npm would stand between SIGTERM and the bot.
CMD ["node", "--import", "tsx", "bin/start.ts"]
