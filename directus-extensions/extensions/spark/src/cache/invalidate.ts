import type { Pool } from '@spark/db';
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
 * `renderStore` (the bundle's pool) lets an article change delete the stored pre-rendered pages that show it;
 * without it only whole-site changes are safe for the store (their new site version retires its pages).
 */
export async function invalidateSites(
  redis: Redis,
  database: Knex,
  change: SiteChange,
  renderStore?: Pool,
): Promise<void> {
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
    renderStore ? { db: renderStore } : undefined,
  );
}
