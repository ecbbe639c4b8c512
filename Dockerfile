# syntax=docker/dockerfile:1
#
# Spark images, all from this one file:
#   --target app       → setup (docker-compose.yaml sets `command:`); the base of worker and frontend
#   --target worker    → the BullMQ worker, with a heartbeat healthcheck
#   --target directus  → the official Directus image with our extension bundle built in (no host build needed)
#   --target frontend  → Astro standalone server on :4321 (also the default: the last stage)
# The @spark/directus workspace (Directus itself plus a Node 22 binary for local runs) is never installed here:
# the directus target starts from the official image of the same release.
#
# The install, build and runtime steps are the scripts in scripts/docker/, which the image rehearsal
# (packages/devstack/src/deploy/image-rehearsal.int.test.ts) runs in the same order from this file's RUN lines,
# so what `npm test` proves is what the image does.

# Node 22 LTS: Astro 4.16, BullMQ, pg and ioredis run on it (the rehearsal starts every bundle on Node 22).
ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
# corepack fails on our machines (registry without signatures); npm is the verified way to get pnpm.
RUN npm install -g pnpm@9.15.9 && npm cache clean --force
WORKDIR /app
ENV ASTRO_TELEMETRY_DISABLED=1

# ---------------------------------------------------------------------------------------------------------
# Only what pnpm needs to resolve the workspace. This stage reruns on every source change, but its output
# changes only with a manifest or the lockfile, so the install layers below stay cached. Collecting every
# package.json (rather than listing them) keeps a new workspace package from being forgotten here.
FROM base AS manifests
COPY . /src
RUN cd /src \
 && find . -type f ! \( -name package.json -o -name pnpm-lock.yaml -o -name pnpm-workspace.yaml -o -name .npmrc \) -delete \
 && find . -depth -type d -empty -delete

# ---------------------------------------------------------------------------------------------------------
# Every dependency (dev included) of frontend, worker and setup, for the build.
FROM base AS deps
COPY --from=manifests /src ./
COPY scripts/docker/install.sh ./scripts/docker/install.sh
RUN --mount=type=cache,id=spark-pnpm-store,target=/pnpm-store \
    sh scripts/docker/install.sh --store-dir /pnpm-store

# ---------------------------------------------------------------------------------------------------------
FROM deps AS build
# Vite inlines PUBLIC_* variables referenced by browser code at build time; they are public by definition.
# Change them → rebuild. Secrets are never build arguments (they would stay in the image history).
ARG PUBLIC_DIRECTUS_URL=http://localhost:8055
ARG PUBLIC_PLATFORM_HOST=localhost
# .dockerignore keeps node_modules, dist, .env and test output out of this copy.
COPY . .
RUN sh scripts/docker/build.sh
# The runtime tree in /runtime: each app's production dependencies (`pnpm deploy --prod`) and its bundle.
RUN --mount=type=cache,id=spark-pnpm-store,target=/pnpm-store \
    sh scripts/docker/deploy.sh /runtime --store-dir /pnpm-store --prefer-offline

# ---------------------------------------------------------------------------------------------------------
# The Directus extension bundle (endpoints and hooks), built with the extensions SDK of the pinned release. Only
# its own dependency graph is installed; the bundle inlines its dependencies, so the image needs just `dist/`.
FROM base AS directus-extensions
COPY --from=manifests /src ./
RUN --mount=type=cache,id=spark-pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --store-dir /pnpm-store --filter "@spark/directus-bundle..."
COPY tsconfig.base.json ./
COPY packages/contracts ./packages/contracts
COPY packages/core ./packages/core
COPY packages/db ./packages/db
COPY packages/factory ./packages/factory
COPY packages/jobs ./packages/jobs
COPY directus-extensions/extensions/spark ./directus-extensions/extensions/spark
RUN pnpm --filter @spark/directus-bundle build

# ---------------------------------------------------------------------------------------------------------
# Pinned to the release the workspace runs locally (directus-extensions/package.json): Directus migrates its
# system tables at start and cannot migrate back, and the bundle is built with this release's SDK.
FROM directus/directus:11.17.4 AS directus
COPY --from=directus-extensions /app/directus-extensions/extensions/spark/package.json /directus/extensions/spark/package.json
COPY --from=directus-extensions /app/directus-extensions/extensions/spark/dist /directus/extensions/spark/dist

# ---------------------------------------------------------------------------------------------------------
# Runtime: bundles and production dependencies only (no pnpm, no compiler). Files stay owned by root and the
# process runs as `node`: the app cannot rewrite its own code.
FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /runtime ./
USER node
CMD ["node", "packages/setup/dist/cli.mjs"]

# ---------------------------------------------------------------------------------------------------------
FROM app AS worker
# The worker has no port: it touches this file every 10 s after reaching Redis and PostgreSQL, and the check
# reads its age (worker/src/liveness/). Three missed beats = unhealthy.
ENV WORKER_HEARTBEAT_FILE=/tmp/spark-worker.heartbeat
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "worker/dist/healthcheck.mjs"]
CMD ["node", "worker/dist/main.mjs"]

# ---------------------------------------------------------------------------------------------------------
FROM app AS frontend
ENV HOST=0.0.0.0 \
    PORT=4321
EXPOSE 4321
# Liveness: /api/health answers 200, or 503 with the error envelope while a dependency is down (the server
# itself is fine then and recovers on its own). Anything else, or no answer, is unhealthy.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4321/api/health').then((r) => process.exit([200, 503].includes(r.status) ? 0 : 1), () => process.exit(1))"]
CMD ["node", "frontend/dist/server/main.mjs"]
