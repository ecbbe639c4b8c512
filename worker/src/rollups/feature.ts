import { analyticsJobs } from '@spark/contracts';
import type { Pool } from '@spark/db';
import { parseJobPayload as parsed, QUEUES, unknownJob } from '@spark/jobs';
import type { Job } from 'bullmq';
import { queueFeature, type WorkerFeature } from '../feature.js';
import { recentRange, rollupDays } from './rollup-days.js';

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
      return unknownJob('analytics', job);
  }
}

/** Daily rollups every five minutes (today and yesterday) and monthly partitions created months ahead. */
export const rollupsFeature: WorkerFeature = queueFeature('rollups', ({ pool }) => ({
  queue: QUEUES.analytics,
  schedules: [
    {
      id: 'rollup-recent',
      repeat: { every: 5 * 60_000 },
      job: { name: analyticsJobs.rollupRecent.name, data: { lookbackDays: 1 } },
    },
    {
      id: 'ensure-partitions',
      repeat: { pattern: '7 2 * * *' },
      job: { name: analyticsJobs.ensurePartitions.name, data: { monthsAhead: 3 } },
    },
  ],
  // Once at start too: a worker deployed on the 31st must not wait for tomorrow's 02:07.
  atStart: [
    {
      name: analyticsJobs.ensurePartitions.name,
      data: { monthsAhead: 3 },
      opts: { jobId: 'ensure-partitions-at-start', removeOnComplete: true, removeOnFail: true },
    },
  ],
  process: (job) => processAnalyticsJob(pool, job),
  concurrency: 1,
}));
