import { INVALIDATION_CHANNEL, invalidationMessageSchema, siteVersionKey } from '@spark/contracts';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { type JobsLog, stderrJobsLog } from './log.js';

/**
 * The one way a content change reaches the frontends: bump each site's content version (the frontend keys its
 * Redis entries by it, so old entries simply stop being read) and publish the invalidation messages, in one
 * MULTI. Throws when Redis refused any of it. The Directus bundle's cache-bust hook and bulk endpoints and the
 * factory's SQL publishes all go through here. Pure of BullMQ (`@spark/jobs/site-content`), so the bundle can
 * import it alone.
 */
export async function publishSiteVersions(
  redis: Redis,
  siteIds: Iterable<string>,
  messages: z.input<typeof invalidationMessageSchema>[],
): Promise<void> {
  const pipeline = redis.multi();
  for (const siteId of new Set(siteIds)) pipeline.incr(siteVersionKey(siteId));
  for (const message of messages) {
    pipeline.publish(INVALIDATION_CHANNEL, JSON.stringify(invalidationMessageSchema.parse(message)));
  }
  const results = await pipeline.exec();
  const failure = results?.find(([error]) => error);
  if (failure?.[0]) throw failure[0];
}

/**
 * Articles published by the factory are written with SQL, so no Directus cache-bust hook sees them: announce
 * them as the hook would. Failure is logged, not thrown — the publish itself is committed, and the frontend
 * caches' TTLs bound how long it stays invisible.
 */
export async function bumpSiteContent(
  redis: Redis,
  siteIds: Iterable<string>,
  log: JobsLog = stderrJobsLog,
): Promise<void> {
  const sites = [...new Set(siteIds)];
  if (sites.length === 0) return;
  const messages = sites.map((siteId) => ({ siteId, collection: 'generated_articles' }));
  await publishSiteVersions(redis, sites, messages).catch((error: unknown) => {
    log.warn({ err: error }, 'site content version bump failed');
  });
}
