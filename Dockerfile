# Rampart's container image: the API and web app (`node scripts/start.mjs`), the worker
# (`--worker`) and the one-shot migrations (`--migrate`) all run from it. See compose.yaml and
# docs/operations.md.
ARG NODE_IMAGE=node:20-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# For argon2, should its prebuilt binary not load here.
RUN apk add --no-cache python3 make g++
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY db db
COPY server server
COPY web web
RUN npm run build

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY web/package.json web/
# Production dependencies only. argon2 compiles itself where its prebuilt binary does not load,
# so a compiler is added and removed in the same layer. The embedded PostgreSQL binaries (an
# optional dependency, about 60 MB) are left out: in a container the database is always given
# by DATABASE_URL or APP_DATABASE_URL.
RUN apk add --no-cache --virtual .build-tools python3 make g++ \
  && npm ci --omit=dev --omit=optional --no-audit --no-fund \
  && npm cache clean --force \
  && apk del .build-tools
COPY db/migrations db/migrations
COPY scripts/start.mjs scripts/build-if-outdated.mjs scripts/backup.mjs scripts/rampart.mjs scripts/
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/web/build web/build
# The image's own unprivileged user; the app writes only uploaded files, to data/files (a
# volume in compose.yaml, which takes this folder's owner when it is first created).
RUN mkdir -p /app/data/files && chown node:node /app/data/files
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: signals reach the app, which drains and stops in order.
CMD ["node", "scripts/start.mjs"]
