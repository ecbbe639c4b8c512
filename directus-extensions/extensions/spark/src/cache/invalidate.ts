import type { InvalidationMessage } from '@spark/contracts';
import { publishSiteVersions } from '@spark/jobs/site-content';
import type { Redis } from 'ioredis';
import type { Knex } from 'knex';

export interface SiteChange {
  /** `null` in the list means "every site" (a shared-library row, or rows we could not attribute). */
  siteIds: (string | null)[];
  collection: string;
  hostsChanged: boolean;
}

async function allSiteIds(database: Knex): Promise<string[]> {
  const rows: { id: string }[] = await database('sites').select('id');
  return rows.map((row) => row.id);
}

/**
 * Bumps each affected site's cache version (the frontend keys its Redis entries by it, so old entries simply stop
 * being read) and publishes one invalidation per site, or a single `siteId: null` message for all sites.
 */
export async function invalidateSites(redis: Redis, database: Knex, change: SiteChange): Promise<void> {
  const everySite = change.siteIds.some((id) => id === null);
  const siteIds = everySite ? await allSiteIds(database) : [...new Set(change.siteIds as string[])];
  const messages: InvalidationMessage[] = everySite
    ? [{ siteId: null, collection: change.collection, hostsChanged: change.hostsChanged }]
    : siteIds.map((siteId) => ({ siteId, collection: change.collection, hostsChanged: change.hostsChanged }));
  await publishSiteVersions(redis, siteIds, messages);
}
