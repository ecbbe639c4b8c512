import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { node22Dir } from '../../prepare.mjs';
import { freePort } from '../ports.js';
import { isDockerIgnored, repoRoot, scriptSteps, stage, stages } from './deploy-files.js';
import { getPage } from './get-page.js';

/**
 * No Docker engine runs here, so the app images are rehearsed: the `deps` and `build` stages of the Dockerfile
 * are replayed in a temporary folder, instruction by instruction (COPY of the manifests or of the build context
 * as .dockerignore shapes it, and every `sh scripts/docker/*.sh` RUN with its arguments; the package store is the
 * machine's, offline). The runtime tree they produce is then checked for build tooling and started exactly as
 * the images start it, on Node 22, against the test stack.
 */

const MANIFEST = /(^|\/)(package\.json|pnpm-lock\.yaml|pnpm-workspace\.yaml|\.npmrc)$/;
const BUILD_TOOLING = [
  'typescript',
  'esbuild',
  '@esbuild',
  'vite',
  'astro',
  '@astrojs',
  'tsx',
  'tailwindcss',
  'vitest',
];

const node22 = join(node22Dir(), 'bin/node');

/** The script a runtime stage starts: `CMD ["node", "<script>"]` (or the HEALTHCHECK's `CMD [...]`). */
function nodeScriptOf(stageName: string, keyword: 'CMD' | 'HEALTHCHECK'): string {
  const args = stage(stageName).instructions.find((i) => i.keyword === keyword)?.args ?? '';
  const exec = JSON.parse(/\[.*\]$/.exec(args)?.[0] ?? '[]') as string[];
  if (exec[0] !== 'node' || !exec[1]) throw new Error(`${stageName}: ${keyword} is not ["node", "<script>"]`);
  return exec[1];
}
const SETUP = nodeScriptOf('app', 'CMD');
const WORKER = nodeScriptOf('worker', 'CMD');
const WORKER_HEALTHCHECK = nodeScriptOf('worker', 'HEALTHCHECK');
const FRONTEND = nodeScriptOf('frontend', 'CMD');
const store = execFileSync('pnpm', ['store', 'path'], { encoding: 'utf8' }).trim();
const root = mkdtempSync(join(tmpdir(), 'spark-image-rehearsal-'));
const workdir = join(root, 'app');
let runtime = '';

/** The build context as `docker build` sees it: tracked and new files, minus .dockerignore. */
const contextFiles = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
  cwd: repoRoot,
  encoding: 'utf8',
})
  .split('\0')
  .filter((path) => path !== '' && existsSync(join(repoRoot, path)) && !isDockerIgnored(path));

function copyContext(paths: string[], into: string): void {
  for (const path of paths) {
    mkdirSync(dirname(join(into, path)), { recursive: true });
    cpSync(join(repoRoot, path), join(into, path));
  }
}

/** Arguments as the Dockerfile writes them, pointed at this machine: its store, offline, and folders under root. */
function localArgs(args: string[]): string[] {
  const mapped = args.map((arg) => {
    if (arg === '/pnpm-store') return store;
    if (arg === '--prefer-offline') return '--offline';
    return arg.startsWith('/') ? join(root, arg) : arg;
  });
  return mapped.includes('--store-dir') && !mapped.includes('--offline') ? [...mapped, '--offline'] : mapped;
}

/** Only what a build container has: no test-stack variables (the stack's build folders above all). */
function buildEnv(stageArgs: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...stageArgs,
  };
}

async function replayStages(): Promise<void> {
  const stageArgs: Record<string, string> = {};
  for (const stage of stages.filter((s) => s.name === 'deps' || s.name === 'build')) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'ARG') {
        const [name = '', value = ''] = instruction.args.split('=');
        stageArgs[name] = value;
      } else if (instruction.keyword === 'COPY') {
        const [source = '', target = ''] = instruction.args.split(/\s+/);
        if (source === '--from=manifests')
          copyContext(
            contextFiles.filter((path) => MANIFEST.test(path)),
            workdir,
          );
        else if (source === '.') copyContext(contextFiles, workdir);
        else {
          if (isDockerIgnored(source))
            throw new Error(`COPY ${source}: .dockerignore leaves it out of the context`);
          mkdirSync(dirname(join(workdir, target)), { recursive: true });
          cpSync(join(repoRoot, source), join(workdir, target), { recursive: true });
        }
      } else if (instruction.keyword === 'RUN') {
        const step = scriptSteps.find((s) => s.stage === stage.name && instruction.args.includes(s.script));
        if (!step) throw new Error(`the rehearsal cannot replay RUN ${instruction.args}`);
        await runScript(step.script, localArgs(step.args), buildEnv(stageArgs));
      }
    }
  }
  runtime = join(root, 'runtime');
}

/** Runs without blocking this process (a blocked test worker misses vitest's own RPC deadlines). */
function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', [script, ...args], { cwd: workdir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${script} ${args.join(' ')} failed (exit ${code}):\n${errors}`)),
    );
  });
}

/** Installed package folders anywhere in a runtime tree, by name (`.pnpm/<name>@<version>` entries included). */
function installedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  const walk = (path: string, depth: number) => {
    if (depth > 6 || !existsSync(path)) return;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.name === 'node_modules') {
        for (const item of readdirSync(full)) {
          if (item === '.pnpm') {
            for (const versioned of readdirSync(join(full, item)))
              names.add(versioned.replace(/^(@[^+]+)\+/, '$1/').replace(/@[^@]*$/, ''));
          } else if (item.startsWith('@')) {
            names.add(item);
            for (const scoped of readdirSync(join(full, item))) names.add(`${item}/${scoped}`);
          } else names.add(item);
        }
      } else if (entry.isDirectory()) walk(full, depth + 1);
    }
  };
  walk(dir, 0);
  return names;
}

/** Bytes on disk, each file once: pnpm's node_modules are full of symlinks to the same folders. */
function folderSize(path: string): number {
  const entry = lstatSync(path);
  if (entry.isSymbolicLink()) return 0;
  if (!entry.isDirectory()) return entry.size;
  return readdirSync(path).reduce((sum, name) => sum + folderSize(join(path, name)), 0);
}

/** What the compose file hands the app containers, taken from the running test stack. */
function stackEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const pick = [
    'DATABASE_URL',
    'REDIS_URL',
    'DIRECTUS_INTERNAL_URL',
    'DIRECTUS_ADMIN_TOKEN',
    'DIRECTUS_READ_TOKEN',
    'PUBLIC_DIRECTUS_URL',
    'PUBLIC_PLATFORM_HOST',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'SECRET',
  ];
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' };
  for (const name of pick) {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run integration tests through \`npm test\``);
    env[name] = value;
  }
  return { ...env, ...extra };
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(entry: string, env: NodeJS.ProcessEnv): Run {
  const child = spawn(node22, [entry], { cwd: runtime, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, run: Run, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (run.child.exitCode !== null) throw new Error(`exited before ${what}:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}:\n${run.output()}`);
}

describe('the app images, rehearsed from the Dockerfile', { timeout: 120_000 }, () => {
  beforeAll(() => replayStages(), 15 * 60_000);
  afterAll(() => rm(root, { recursive: true, force: true }), 120_000);

  it('assemble a runtime tree of bundles and production dependencies, without build tooling', () => {
    for (const bundle of [SETUP, WORKER, WORKER_HEALTHCHECK, FRONTEND])
      expect(existsSync(join(runtime, bundle)), bundle).toBe(true);
    for (const app of ['frontend', 'worker', 'packages/setup'])
      expect(existsSync(join(runtime, app, 'src')), `${app}/src`).toBe(false);
    const installed = installedPackages(runtime);
    for (const runtimeDependency of ['react', 'pg', 'ioredis', 'bullmq', 'zod'])
      expect(installed.has(runtimeDependency), runtimeDependency).toBe(true);
    expect(BUILD_TOOLING.filter((name) => installed.has(name))).toEqual([]);
    const megabytes = folderSize(runtime) / 1024 / 1024;
    console.log(`runtime tree: ${megabytes.toFixed(1)} MB`);
    // About 100 MB today, a quarter of it the gazetteer setup loads (GeoNames extracts) and the share-card
    // renderer's native binary and fonts; the bound catches build tooling or a second copy creeping back in.
    expect(megabytes).toBeLessThan(140);
  });

  it('stop at start on a bad environment, naming the variable', async () => {
    const frontend = start(FRONTEND, { ...stackEnv(), DIRECTUS_READ_TOKEN: '' });
    const worker = start(WORKER, stackEnv({ WORKER_CONCURRENCY: '0' }));
    const setup = start(SETUP, { PATH: process.env.PATH });
    expect(await frontend.exited).not.toBe(0);
    expect(frontend.output()).toContain('DIRECTUS_READ_TOKEN');
    expect(await worker.exited).not.toBe(0);
    expect(worker.output()).toContain('WORKER_CONCURRENCY');
    expect(await setup.exited).toBe(1);
    expect(setup.output()).toMatch(/Invalid setup environment — DATABASE_URL: Required/);
  });

  it('run setup on Node 22 to completion: migrations, schema and provisioning', async () => {
    const setup = start(SETUP, stackEnv({ SEED_DEMO: 'false' }));
    expect(await setup.exited, setup.output()).toBe(0);
    // Setup logs JSON lines: the migration report says nothing was pending on the stack's current database.
    const lines = setup
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; applied?: unknown });
    expect(lines.find((line) => line.msg === 'migrations and schema applied')?.applied).toEqual([]);
    expect(setup.output()).toContain('setup complete');
  });

  it('run the worker on Node 22 until SIGTERM, healthy by its heartbeat', async () => {
    const heartbeat = join(root, 'worker.heartbeat');
    const worker = start(WORKER, stackEnv({ WORKER_HEARTBEAT_FILE: heartbeat }));
    try {
      await waitFor('"worker ready"', () => worker.output().includes('worker ready'), worker);
      const healthcheck = () =>
        new Promise<boolean>((resolve) => {
          const check = start(WORKER_HEALTHCHECK, {
            PATH: process.env.PATH,
            WORKER_HEARTBEAT_FILE: heartbeat,
          });
          void check.exited.then((code) => resolve(code === 0));
        });
      await waitFor('a healthy heartbeat', healthcheck, worker, 20_000);
    } finally {
      worker.child.kill('SIGTERM');
    }
    expect(await worker.exited).toBe(0);
  });

  it('serve tenant pages, the health endpoint and the build-time tracker from the frontend on Node 22', async () => {
    const port = await freePort();
    const frontend = start(FRONTEND, stackEnv({ HOST: '127.0.0.1', PORT: String(port) }));
    try {
      await waitFor(
        '/api/health',
        async () =>
          (await getPage(port, 'localhost', '/api/health').catch(() => ({ status: 0 }))).status === 200,
        frontend,
      );
      const home = await getPage(port, 'alpha.localhost', '/');
      expect(home.status).toBe(200);
      expect(home.body).toMatch(/^<!DOCTYPE html>/i);
      const tracker = await getPage(port, 'alpha.localhost', '/js/site.js');
      expect(tracker.status).toBe(200);
      expect(tracker.body.length).toBeGreaterThan(100);
      expect(tracker.body).not.toMatch(/:\s*(string|number)\b[,)]/); // minified JavaScript, not TypeScript
    } finally {
      frontend.child.kill('SIGTERM');
    }
    expect(await frontend.exited).toBe(0);
  });
});
