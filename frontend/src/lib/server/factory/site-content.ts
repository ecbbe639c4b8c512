import { INVALIDATION_CHANNEL, invalidationMessageSchema, siteVersionKey } from '@spark/contracts';
import { cache } from '../connections.js';
import { log } from '../observability/logger.js';

/**
 * Published articles are written with SQL, not through Directus, so no cache-bust hook sees them: bump
 * each site's content version and announce it, exactly as the hook would. Best effort after the commit —
 * if Redis is down the caches' TTLs bound how long the change stays invisible.
 */
export async function bumpSiteContent(siteIds: Iterable<string>): Promise<void> {
  const pipeline = cache().multi();
  for (const siteId of new Set(siteIds)) {
    pipeline.incr(siteVersionKey(siteId));
    const message = invalidationMessageSchema.parse({ siteId, collection: 'generated_articles' });
    pipeline.publish(INVALIDATION_CHANNEL, JSON.stringify(message));
  }
  await pipeline.exec().catch((error: unknown) => {
    log().warn({ err: error }, 'site content version bump failed');
  });
}
