import { INVALIDATION_CHANNEL, invalidationMessageSchema, siteVersionKey } from '@spark/contracts';
import type { Redis } from 'ioredis';
import { type JobsLog, stderrJobsLog } from './log.js';

/**
 * Articles published by the factory are written with SQL, so no Directus cache-bust hook sees them: bump each
 * site's content version and announce it, as the hook would. Failure is logged, not thrown — the publish
 * itself is committed, and the frontend caches' TTLs bound how long it stays invisible.
 */
export async function bumpSiteContent(
  redis: Redis,
  siteIds: Iterable<string>,
  log: JobsLog = stderrJobsLog,
): Promise<void> {
  const sites = [...new Set(siteIds)];
  if (sites.length === 0) return;
  const pipeline = redis.multi();
  for (const siteId of sites) {
    pipeline.incr(siteVersionKey(siteId));
    const message = invalidationMessageSchema.parse({ siteId, collection: 'generated_articles' });
    pipeline.publish(INVALIDATION_CHANNEL, JSON.stringify(message));
  }
  await pipeline.exec().catch((error: unknown) => {
    log.warn({ err: error }, 'site content version bump failed');
  });
}
