import { z } from 'zod';
import { cachedRead } from './cached-read.js';
import { readItems } from './directus.js';
import { type PageRow, pageRowSchema } from './schemas.js';

const PAGE_FIELDS = [
  'id',
  'permalink',
  'title',
  'blocks',
  'meta_title',
  'meta_description',
  'og_image_url',
  'noindex',
  'published_at',
  'date_updated',
] as const;

/**
 * The published page at `permalink`, or null. The status filter repeats what the reader token's policy
 * already enforces: a token granted more by mistake must still never publish a draft.
 */
export function findPage(siteId: string, permalink: string): Promise<PageRow | null> {
  return cachedRead(siteId, `page:${permalink}`, async (version) => {
    const { rows } = await readItems(
      'pages',
      {
        fields: PAGE_FIELDS,
        filter: { site_id: { _eq: siteId }, permalink: { _eq: permalink }, status: { _eq: 'published' } },
        limit: 1,
        version,
      },
      pageRowSchema,
    );
    return rows[0] ?? null;
  });
}

/**
 * The permalinks of the site's published pages (a site has dozens of pages but may have 100,000 articles).
 * Held under the same version as the pages themselves, it lets an article URL skip the page lookup: one
 * Directus read per uncached article instead of two.
 */
export function publishedPermalinks(siteId: string): Promise<string[]> {
  return cachedRead(siteId, 'pages:permalinks', async (version) => {
    const { rows } = await readItems(
      'pages',
      {
        fields: ['permalink'],
        filter: { site_id: { _eq: siteId }, status: { _eq: 'published' } },
        limit: -1,
        version,
      },
      z.object({ permalink: z.string() }),
    );
    return rows.map((row) => row.permalink);
  });
}
