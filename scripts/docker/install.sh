#!/bin/sh
# Every dependency (dev included) of what the app images run: frontend, worker and setup with their workspace
# packages (`pkg...`); @spark/directus stays out. Run from a folder holding only the manifests and the lockfile,
# so this layer changes only with them. Extra arguments go to pnpm: the Dockerfile passes its cache store, the
# image rehearsal (packages/devstack/src/deploy/image-rehearsal.int.test.ts) passes --offline.
set -eu
exec pnpm install --frozen-lockfile \
  --filter "@spark/frontend..." --filter "@spark/worker..." --filter "@spark/setup..." "$@"
