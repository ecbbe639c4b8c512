#!/bin/sh
# The three runnable bundles: the frontend (Astro's server plus its node:http entry), the worker and setup, each
# with workspace packages inlined (scripts/bundle-node-app.mjs), so the runtime needs only their npm packages.
set -eu
exec pnpm --filter @spark/frontend --filter @spark/worker --filter @spark/setup build
