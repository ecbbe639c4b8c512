#!/bin/sh
# The runtime tree, from a built workspace: usage `deploy.sh <out> [pnpm options]`.
#   <out>/frontend        production dependencies + dist/ (server and browser assets)
#   <out>/worker          production dependencies + dist/
#   <out>/packages/setup  production dependencies + dist/ (it reads <out>/database through ../../../database)
#   <out>/database        the SQL schema, migrations and demo blueprints that setup applies
# `pnpm deploy --prod` gives each app its own node_modules without devDependencies: no TypeScript, esbuild, Vite
# or Astro compiler reaches the image.
set -eu
out=$1
shift
mkdir -p "$out/packages"
pnpm --filter @spark/frontend deploy --prod "$@" "$out/frontend" >/dev/null
pnpm --filter @spark/worker deploy --prod "$@" "$out/worker" >/dev/null
pnpm --filter @spark/setup deploy --prod "$@" "$out/packages/setup" >/dev/null
for app in frontend worker packages/setup; do
  # Only the bundles run; sources and tests copied along by `pnpm deploy` are dropped.
  find "$out/$app" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name package.json -exec rm -rf {} +
  cp -R "$app/dist" "$out/$app/dist"
done
mkdir -p "$out/database"
cp -R database/*.sql database/migrations database/blueprints "$out/database/"
