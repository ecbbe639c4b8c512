import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ANALYTICS_STREAM } from '@spark/contracts';
import { createPool } from '@spark/db';
import { freePort } from '@spark/devstack/src/ports.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Crash safety of ingestion, end to end with real processes: a private Redis (so the stack's own worker does
 * not consume these events), real worker processes (`worker/src/main.ts`), SIGKILL mid-stream, restart.
 */
const repoRoot = resolve(import.meta.dirname, '../../..');
const TOTAL = 10_000;
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('ingestion crash safety', () => {
  let redisServer: ChildProcess;
  let redis: Redis;
  let redisUrl = '';
  let siteId = '';
  const workers: ChildProcess[] = [];

  function startWorker(): Promise<ChildProcess> {
    // One process (node --import tsx), as in the Docker image: the tsx CLI would run the worker in a child
    // process that a SIGKILL of the CLI leaves running.
    const child = spawn(process.execPath, ['--import', 'tsx', 'worker/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, REDIS_URL: redisUrl, INGEST_CLAIM_IDLE_MS: '2000', INGEST_BATCH_SIZE: '500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    let output = '';
    return new Promise((ready, fail) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('worker ready')) ready(child);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('exit', (code) => fail(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
    });
  }

  const rows = async () =>
    Number((await pool.query('select count(*) as n from pageviews where site_id = $1', [siteId])).rows[0]?.n);

  beforeAll(async () => {
    const port = await freePort();
    redisServer = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    redisUrl = `redis://127.0.0.1:${port}`;
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', () => {}); // refused until redis-server listens
    await until(async () => (await redis.ping().catch(() => '')) === 'PONG', 10_000, 'redis');
    const domain = `crash${randomBytes(4).toString('hex')}.localhost`;
    const { rows: created } = await pool.query<{ id: string }>(
      `insert into sites (name, domain) values ('Crash test', $1) returning id`,
      [domain],
    );
    siteId = created[0]?.id ?? '';
  }, 30_000);

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await pool.query('delete from sites where id = $1', [siteId]);
    await pool.end();
    redis.disconnect();
    redisServer.kill('SIGKILL');
  });

  /** Appends exactly what the frontend appends: the event JSON in `e`, the session id in `s`. */
  async function produce(count: number) {
    const chunk = 200;
    for (let sent = 0; sent < count; sent += chunk) {
      const pipeline = redis.pipeline();
      for (let i = sent; i < Math.min(count, sent + chunk); i++) {
        const event = {
          kind: 'pageview',
          event_id: randomUUID(),
          occurred_at: new Date().toISOString(),
          site_id: siteId,
          visitor_hash: randomBytes(16).toString('hex'),
          url: `http://crash.localhost/p/${i}`,
          path: `/p/${i}`,
          referrer_host: null,
          utm_source: null,
          utm_medium: null,
          utm_campaign: null,
          utm_term: null,
          utm_content: null,
          device: 'desktop',
          browser: 'Chrome',
          os: 'Linux',
        };
        pipeline.xadd(ANALYTICS_STREAM, '*', 'e', JSON.stringify(event), 's', 'session');
      }
      await pipeline.exec();
      await sleep(15);
    }
  }

  it('loses nothing and duplicates nothing when the consumer is SIGKILLed mid-stream', async () => {
    const first = await startWorker();
    const producing = produce(TOTAL);
    await until(async () => (await rows()) >= 1000, 60_000, 'the first rows');
    first.kill('SIGKILL');
    await sleep(1500);
    const rowsAtKill = await rows();
    await producing;
    await sleep(1000);
    // Nothing consumes any more: the rows stand still while the rest waits in the stream.
    expect(await rows()).toBe(rowsAtKill);
    expect(rowsAtKill).toBeLessThan(TOTAL);
    const pending = (await redis.xpending(ANALYTICS_STREAM, 'ingest')) as [number, ...unknown[]];
    const backlog = await redis.xlen(ANALYTICS_STREAM);
    // Entries committed but not yet acknowledged at the kill are counted twice here; replaying them must not
    // add rows.
    expect(backlog + rowsAtKill).toBeGreaterThanOrEqual(TOTAL);
    console.info(
      `crash test: ${rowsAtKill} rows at SIGKILL, ${pending[0]} taken but unacknowledged, ${backlog} in the stream`,
    );

    await startWorker();
    await until(
      async () => (await rows()) >= TOTAL && (await redis.xlen(ANALYTICS_STREAM)) === 0,
      90_000,
      `all ${TOTAL} rows (had ${rowsAtKill} at the kill, ${pending[0]} pending)`,
    );
    await sleep(2500); // one more claim cycle: a late replay must not add rows
    expect(await rows()).toBe(TOTAL);
    const distinct = await pool.query(
      'select count(distinct event_id) as n from pageviews where site_id = $1',
      [siteId],
    );
    expect(Number(distinct.rows[0]?.n)).toBe(TOTAL);
  }, 180_000);
});
