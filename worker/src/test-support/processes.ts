import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@spark/devstack/ports';
import { Redis } from 'ioredis';

/**
 * Real processes for the worker's integration tests: a private Redis, so the stack's own worker never
 * takes these jobs or events, and worker processes (`worker/src/main.ts`) that can be SIGKILLed and restarted.
 */
const repoRoot = resolve(import.meta.dirname, '../../..');

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export async function startPrivateRedis(): Promise<{ url: string; redis: Redis; stop(): void }> {
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on('error', () => {});
  await until(async () => (await redis.ping().catch(() => '')) === 'PONG', 10_000, 'the private redis');
  return {
    url,
    redis,
    stop() {
      redis.disconnect();
      server.kill('SIGKILL');
    },
  };
}

/**
 * A worker process on `redisUrl` (two generation chunks at a time unless `env` says otherwise); resolves once
 * it logged "worker ready". Node runs main.ts with tsx's loader itself: the `tsx` CLI would run it in a child
 * process, and a SIGKILL of the CLI would leave that child — the actual worker — running.
 */
export function startWorker(redisUrl: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, WORKER_CONCURRENCY: '2', ...env, REDIS_URL: redisUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((ready, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker ready')) ready(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code, signal) =>
      fail(new Error(`worker exited (${code ?? signal}) before it was ready:\n${output}`)),
    );
  });
}
