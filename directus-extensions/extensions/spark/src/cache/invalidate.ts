import { invalidateSiteContent, type SiteContentChange } from '@spark/jobs/site-content';
import type { Redis } from 'ioredis';
import type { Knex } from 'knex';

export interface SiteChange {
  /** `null` in the list means "every site" (a shared-library row, or rows we could not attribute). */
  siteIds: (string | null)[];
  collection: string;
  hostsChanged: boolean;
  /** The generated articles changed, when that is all that changed: only pages showing them are dropped. */
  articleIds?: string[];
}

async function allSiteIds(database: Knex): Promise<string[]> {
  const rows: { id: string }[] = await database('sites').select('id');
  return rows.map((row) => row.id);
}

/**
 * Hands the change to `invalidateSiteContent`, the one invalidation function every writer uses: one message
 * per affected site (targeted to the articles when only articles changed), or a single all-sites message.
 */
export async function invalidateSites(redis: Redis, database: Knex, change: SiteChange): Promise<void> {
  const everySite = change.siteIds.some((id) => id === null);
  const siteIds = everySite ? await allSiteIds(database) : [...new Set(change.siteIds as string[])];
  const targeted = !everySite && change.collection === 'generated_articles' && change.articleIds?.length;
  const changes: SiteContentChange[] = siteIds.map((siteId) => ({
    siteId,
    collection: change.collection,
    hostsChanged: change.hostsChanged,
    ...(targeted ? { articleIds: change.articleIds } : {}),
  }));
  await invalidateSiteContent(
    redis,
    changes,
    everySite ? { collection: change.collection, hostsChanged: change.hostsChanged } : undefined,
  );
}
