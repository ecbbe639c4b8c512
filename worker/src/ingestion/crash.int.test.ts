import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { ANALYTICS_STREAM } from '@spark/contracts';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startPrivateRedis, startWorker, until } from '../test-support/processes.js';

/**
 * Crash safety of ingestion, end to end with real processes: a private Redis (so the stack's own worker does
 * not consume these events), real worker processes (`worker/src/main.ts`), SIGKILL mid-stream, restart.
 */
const TOTAL = 10_000;
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });

describe('ingestion crash safety', () => {
  let privateRedis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let siteId = '';
  const workers: ChildProcess[] = [];

  async function startIngestingWorker(): Promise<ChildProcess> {
    const child = await startWorker(privateRedis.url, {
      INGEST_CLAIM_IDLE_MS: '2000',
      INGEST_BATCH_SIZE: '500',
    });
    workers.push(child);
    return child;
  }

  const rows = async () =>
    Number((await pool.query('select count(*) as n from pageviews where site_id = $1', [siteId])).rows[0]?.n);

  beforeAll(async () => {
    privateRedis = await startPrivateRedis();
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
    privateRedis.stop();
  });

  /** Appends exactly what the frontend appends: the event JSON in `e`, the session id in `s`. */
  async function produce(count: number) {
    const chunk = 200;
    for (let sent = 0; sent < count; sent += chunk) {
      const pipeline = privateRedis.redis.pipeline();
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
    const first = await startIngestingWorker();
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
    const pending = (await privateRedis.redis.xpending(ANALYTICS_STREAM, 'ingest')) as [number, ...unknown[]];
    const backlog = await privateRedis.redis.xlen(ANALYTICS_STREAM);
    // Entries committed but not yet acknowledged at the kill are counted twice here; replaying them must not
    // add rows.
    expect(backlog + rowsAtKill).toBeGreaterThanOrEqual(TOTAL);
    console.info(
      `crash test: ${rowsAtKill} rows at SIGKILL, ${pending[0]} taken but unacknowledged, ${backlog} in the stream`,
    );

    await startIngestingWorker();
    await until(
      async () => (await rows()) >= TOTAL && (await privateRedis.redis.xlen(ANALYTICS_STREAM)) === 0,
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
