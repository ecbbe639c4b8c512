import { z } from 'zod';

/**
 * The contract between writers of content (Directus hooks, the worker) and the frontend's caches.
 * Cached entries are keyed by a per-site version; a writer bumps the version (O(1), no key scans) and
 * publishes an invalidation so in-process caches drop what they hold at once.
 */
export const CACHE_PREFIX = 'spark:cache';

export const siteVersionKey = (siteId: string) => `${CACHE_PREFIX}:site:${siteId}:version`;

/**
 * A second counter per site, bumped when only some generated articles changed (published, unpublished,
 * edited). Reads that depend on the set of articles (lists, hubs, sitemaps, an article by slug) are keyed by
 * both counters; rendered article pages are not, and are dropped by the message's `articleIds` instead.
 */
export const siteArticlesVersionKey = (siteId: string) => `${CACHE_PREFIX}:site:${siteId}:articles-version`;

/** Above this many articles in one change, the whole site is invalidated instead (one message stays small). */
export const MAX_TARGETED_ARTICLES = 500;

export const siteContentKey = (siteId: string, version: string | number, resource: string) =>
  `${CACHE_PREFIX}:site:${siteId}:v${version}:${resource}`;

/** Host → tenant lookups shared by every frontend instance (a hash: field = host, value = JSON or `null`). */
export const TENANT_HOSTS_KEY = `${CACHE_PREFIX}:tenant-hosts`;

/**
 * Request header of the worker's prerender requests (render at publish): the frontend renders the page into
 * the render store but does not keep it in its memory cache, where a site's worth of prerendered pages would
 * push out the pages visitors read. Anyone may send it; it only changes where a render is kept.
 */
export const PRERENDER_HEADER = 'x-spark-prerender';

/** Redis pub/sub channel every frontend instance subscribes to. */
export const INVALIDATION_CHANNEL = 'spark:invalidate';

export const invalidationMessageSchema = z.object({
  /** null = every site (e.g. a shared-library change or a manual flush). */
  siteId: z.string().uuid().nullable(),
  collection: z.string().min(1).max(64),
  /** Set when the site's own hosts may have changed: tenant lookups must be dropped too. */
  hostsChanged: z.boolean().default(false),
  /**
   * Set when nothing but these generated articles of the site changed: pages that show none of them stay
   * cached, pages that list articles refresh. Absent: everything the site renders may have changed.
   */
  articleIds: z.array(z.string().uuid()).min(1).max(MAX_TARGETED_ARTICLES).optional(),
});

export type InvalidationMessage = z.infer<typeof invalidationMessageSchema>;

/** Collections whose changes alter what a tenant website renders. */
export const SITE_CONTENT_COLLECTIONS = [
  'sites',
  'globals',
  'navigation',
  'pages',
  'posts',
  'authors',
  'forms',
  'generated_articles',
  'hub_pages',
  'offer_blocks',
] as const;
