import type { ChildProcess } from 'node:child_process';
import { GENERATION_QUEUE, generateArticlesChunks } from '@spark/contracts';
import { createPool } from '@spark/db';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startPrivateRedis, startWorker, until } from '../test-support/processes.js';
import type { ChunkResult } from './generate-articles.js';
import { createFixtureSite, createReservedJob, type FixtureSite } from './test-support/fixtures.js';

/**
 * The generation worker as real processes on a private Redis: SIGKILL mid-job and restart, and two workers
 * sharing one queue. The invariants are read from PostgreSQL, which is what the product promises.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 4 });
const TOTAL = 4000;

let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let queue: Queue;
let site: FixtureSite;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
  queue = new Queue(GENERATION_QUEUE, { connection: redis.redis });
  site = await createFixtureSite(pool);
}, 30_000);

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await queue.close();
  redis.stop();
  await pool.query('delete from sites where id = $1', [site.siteId]);
  await pool.end();
});

async function spawnWorker(): Promise<ChildProcess> {
  const worker = await startWorker(redis.url);
  workers.push(worker);
  return worker;
}

async function enqueue(job: { campaignId: string; jobId: string }) {
  await queue.addBulk(
    generateArticlesChunks({ id: job.jobId, siteId: site.siteId, campaignId: job.campaignId, total: TOTAL }),
  );
}

const one = async <T>(sql: string, params: unknown[]): Promise<T> =>
  (await pool.query(sql, params)).rows[0] as T;

/** What the job left in PostgreSQL: the promise is exactly TOTAL articles, one per headline. */
async function outcome(jobId: string) {
  return one<{
    articles: number;
    headlines: number;
    slugs: number;
    keys: number;
    used: number;
    claimed: number;
    fingerprinted: number;
    processed: number;
    status: string;
  }>(
    `select (select count(*)::int from generated_articles where job_id = $1) as articles,
            (select count(distinct headline_id)::int from generated_articles where job_id = $1) as headlines,
            (select count(distinct slug)::int from generated_articles where job_id = $1) as slugs,
            (select count(distinct generation_key)::int from generated_articles where job_id = $1) as keys,
            (select count(*)::int from headline_inventory where claimed_by_job = $1 and status = 'used') as used,
            (select count(*)::int from headline_inventory where claimed_by_job = $1 and status = 'claimed') as claimed,
            (select count(distinct f.article_id)::int from article_fingerprints f
               join generated_articles a on a.id = f.article_id where a.job_id = $1) as fingerprinted,
            j.processed, j.status
     from generation_jobs j where j.id = $1`,
    [jobId],
  );
}

describe('generate-articles worker', () => {
  it('finishes a job after a SIGKILL mid-job with no duplicate and no missing article', async () => {
    const job = await createReservedJob(pool, site, TOTAL);
    const first = await spawnWorker();
    await enqueue(job);
    await until(async () => (await outcome(job.jobId)).processed >= 300, 60_000, 'the first batches');
    first.kill('SIGKILL');
    await new Promise((done) => first.once('exit', done));

    const atKill = await outcome(job.jobId);
    expect(atKill.processed).toBeLessThan(TOTAL);
    // Batches are atomic: the counter and the rows agree even at the moment of the crash.
    expect(atKill.articles).toBe(atKill.processed);
    expect(atKill.used).toBe(atKill.processed);
    await sleep(1000);
    expect((await outcome(job.jobId)).processed).toBe(atKill.processed); // nobody else is working on it

    await spawnWorker();
    await until(
      async () => (await outcome(job.jobId)).status === 'completed',
      120_000,
      'the job to complete',
    );
    expect(await outcome(job.jobId)).toEqual({
      articles: TOTAL,
      headlines: TOTAL,
      slugs: TOTAL,
      keys: TOTAL,
      used: TOTAL,
      claimed: 0,
      fingerprinted: TOTAL,
      processed: TOTAL,
      status: 'completed',
    });
  }, 200_000);

  it('lets two workers share one job without ever claiming the same headline', async () => {
    for (const worker of workers.splice(0)) worker.kill('SIGKILL');
    const job = await createReservedJob(pool, site, TOTAL);
    await Promise.all([spawnWorker(), spawnWorker()]);
    await enqueue(job);
    await until(
      async () => (await outcome(job.jobId)).status === 'completed',
      120_000,
      'the job to complete',
    );

    const chunks = (await queue.getJobs(['completed'])).filter((j) => j.data.generationJobId === job.jobId);
    const results = chunks.map((chunk) => chunk.returnvalue as ChunkResult);
    // Every headline was claimed exactly once across all chunks of both workers.
    expect(results.reduce((sum, r) => sum + r.claimed, 0)).toBe(TOTAL);
    expect(new Set(results.filter((r) => r.claimed > 0).map((r) => r.pid)).size).toBe(2);
    const result = await outcome(job.jobId);
    expect(result.articles).toBe(TOTAL);
    expect(result.headlines).toBe(TOTAL);
    expect(result.slugs).toBe(TOTAL);
  }, 200_000);
});
