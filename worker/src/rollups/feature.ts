import { analyticsJobs } from '@spark/contracts';
import type { Pool } from '@spark/db';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { z } from 'zod';
import type { WorkerFeature } from '../feature.js';
import { observeJobs } from '../logging.js';
import { BULLMQ_WORKER_METRICS } from '../metrics.js';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../queues.js';
import { recentRange, rollupDays } from './rollup-days.js';

function parsed<T>(schema: z.ZodType<T>, job: Job): T {
  const result = schema.safeParse(job.data);
  if (!result.success) throw new UnrecoverableError(`invalid ${job.name} payload: ${result.error.message}`);
  return result.data;
}

async function processAnalyticsJob(pool: Pool, job: Job) {
  switch (job.name) {
    case analyticsJobs.rollupRecent.name: {
      const { lookbackDays } = parsed(analyticsJobs.rollupRecent.payload, job);
      const { from, to } = recentRange(lookbackDays);
      return { rows: await rollupDays(pool, from, to) };
    }
    case analyticsJobs.rollupDays.name: {
      const { from, to, siteId } = parsed(analyticsJobs.rollupDays.payload, job);
      return { rows: await rollupDays(pool, from, to, siteId) };
    }
    case analyticsJobs.ensurePartitions.name: {
      const { monthsAhead } = parsed(analyticsJobs.ensurePartitions.payload, job);
      const { rows } = await pool.query<{ name: string }>(
        `select ensure_analytics_partitions((now() at time zone 'UTC')::date, $1) as name`,
        [monthsAhead + 1],
      );
      return { created: rows.map((row) => row.name) };
    }
    default:
      throw new UnrecoverableError(`unknown analytics job "${job.name}"`);
  }
}

/** Daily rollups every five minutes (today and yesterday) and monthly partitions created months ahead. */
export const rollupsFeature: WorkerFeature = {
  name: 'rollups',
  async start({ pool, connection }) {
    const queue = new Queue(QUEUES.analytics, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    await queue.upsertJobScheduler(
      'rollup-recent',
      { every: 5 * 60_000 },
      { name: analyticsJobs.rollupRecent.name, data: { lookbackDays: 1 } },
    );
    await queue.upsertJobScheduler(
      'ensure-partitions',
      { pattern: '7 2 * * *' },
      { name: analyticsJobs.ensurePartitions.name, data: { monthsAhead: 3 } },
    );
    // Once at start too: a worker deployed on the 31st must not wait for tomorrow's 02:07.
    await queue.add(
      analyticsJobs.ensurePartitions.name,
      { monthsAhead: 3 },
      {
        jobId: 'ensure-partitions-at-start',
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
    const worker = new Worker(QUEUES.analytics, (job) => processAnalyticsJob(pool, job), {
      connection,
      concurrency: 1,
      ...BULLMQ_WORKER_METRICS,
    });
    observeJobs(worker);
    return {
      async close() {
        await worker.close();
        await queue.close();
      },
    };
  },
};
