import type { ProcessQueueResult } from '@spark/contracts';
import type { Pool } from '@spark/db';
import { bumpSiteContent } from '@spark/jobs';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { log } from '../logging.js';
import { enqueuePendingJobs, resumeStalledJobs } from './advance-jobs.js';
import { publishDueArticles } from './publish-due.js';

/**
 * The every-minute housekeeping of the factory (also run on demand by POST /api/seo/process-queue):
 * publish what is due, enqueue jobs whose producer could not, and nudge stalled generation jobs.
 * `siteIds` null = every site.
 */
export async function processQueue(
  deps: { pool: Pool; redis: Redis; generationQueue: Queue },
  siteIds: string[] | null,
): Promise<ProcessQueueResult> {
  const published = await publishDueArticles(deps.pool, siteIds);
  await bumpSiteContent(deps.redis, published, log(), deps.pool);
  const enqueued = await enqueuePendingJobs(deps.pool, deps.generationQueue, siteIds);
  const resumed = await resumeStalledJobs(deps.pool, deps.generationQueue, siteIds);
  let total = 0;
  for (const ids of published.values()) total += ids.length;
  return { published: total, enqueued, resumed };
}
