# syntax=docker/dockerfile:1
#
# Spark images, all from this one file:
#   --target app       → worker (default command) and setup (docker-compose.yaml sets `command:`)
#   --target directus  → the official Directus image with our extension bundle built in (no host build needed)
#   --target frontend  → Astro standalone server on :4321 (also the default: the last stage)
# The @spark/directus workspace (Directus itself plus a Node 22 binary for local runs) is never installed here:
# the directus target starts from the official image of the same release.

ARG NODE_IMAGE=node:20-bookworm-slim

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
# Every dependency (dev included) of what this image runs, for the build. The filters select frontend, worker
# and setup with their workspace dependencies (`pkg...`); @spark/directus and @spark/devstack stay out. The
# workspace root is always installed too (tsx, typescript).
FROM base AS deps
COPY --from=manifests /src ./
RUN --mount=type=cache,id=spark-pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --store-dir /pnpm-store \
      --filter "@spark/frontend..." --filter "@spark/worker..." --filter "@spark/setup..."

# ---------------------------------------------------------------------------------------------------------
# Production dependencies only, for the runtime image (about half the size, and no test or lint tooling).
# `node --import tsx` resolves tsx from the working directory (/app), where it is a root devDependency that
# --prod skips; link the worker's own tsx dependency there instead, and prove it resolves.
FROM base AS prod-deps
COPY --from=manifests /src ./
RUN --mount=type=cache,id=spark-pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --prod --store-dir /pnpm-store \
      --filter "@spark/frontend..." --filter "@spark/worker..." --filter "@spark/setup..." \
 && ln -s ../worker/node_modules/tsx node_modules/tsx \
 && node --import tsx -e ""

# ---------------------------------------------------------------------------------------------------------
FROM deps AS build
# Vite inlines PUBLIC_* variables referenced by browser code at build time; they are public by definition.
# Change them → rebuild. Secrets are never build arguments (they would stay in the image history).
ARG PUBLIC_DIRECTUS_URL=http://localhost:8055
ARG PUBLIC_PLATFORM_HOST=localhost
# .dockerignore keeps node_modules, dist, .env and test output out of this copy.
COPY . .
# The frontend (Astro + its node:http entry) and the worker, each bundled with esbuild (scripts/bundle-node-app.mjs).
RUN pnpm --filter @spark/frontend --filter @spark/worker build

# ---------------------------------------------------------------------------------------------------------
# The Directus extension bundle (endpoints and hooks), built with the extensions SDK of the pinned release. Only
# its own dependency graph is installed; the bundle inlines its dependencies, so the image needs just `dist/`.
FROM base AS directus-extensions
COPY --from=manifests /src ./
RUN --mount=type=cache,id=spark-pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --store-dir /pnpm-store --filter "@spark/directus-bundle..."
COPY tsconfig.base.json ./
COPY packages/contracts ./packages/contracts
COPY directus-extensions/extensions/spark ./directus-extensions/extensions/spark
RUN pnpm --filter @spark/directus-bundle build

# ---------------------------------------------------------------------------------------------------------
# Pinned to the release the workspace runs locally (directus-extensions/package.json): Directus migrates its
# system tables at start and cannot migrate back, and the bundle is built with this release's SDK.
FROM directus/directus:11.17.4 AS directus
COPY --from=directus-extensions /app/directus-extensions/extensions/spark/package.json /directus/extensions/spark/package.json
COPY --from=directus-extensions /app/directus-extensions/extensions/spark/dist /directus/extensions/spark/dist

# ---------------------------------------------------------------------------------------------------------
# Runtime: the frontend and the worker run their bundles; setup runs its TypeScript sources through tsx.
# Files stay owned by root and the process runs as `node`: the app cannot rewrite its own code.
FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production
COPY --from=prod-deps /app ./
COPY tsconfig.base.json ./
COPY packages ./packages
COPY worker ./worker
# The SQL schema and blueprints that setup applies (found relative to packages/db and packages/setup).
COPY database ./database
COPY --from=build /app/frontend/dist ./frontend/dist
COPY --from=build /app/worker/dist ./worker/dist
USER node
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
