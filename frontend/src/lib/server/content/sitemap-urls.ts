import { AREAS_ROOT, placeHubPagePaths } from '@spark/core';
import { listSitemapArticles, summarizeSitemapArticles } from '@spark/db';
import { z } from 'zod';
import { database } from '../connections.js';
import { type ChunkSummary, SITEMAP_URL_LIMIT, type SitemapUrl, type SitemapUrls } from '../seo/sitemap.js';
import { loadAreaPlaceTree } from './area-hub-pages.js';
import { cachedRead } from './cached-read.js';
import { readItems } from './directus.js';
import { isReservedPath, postPath, RESERVED_SLUGS } from './paths.js';

const timestamp = z.string().datetime({ offset: true }).nullable();
const pageSchema = z.object({
  permalink: z.string(),
  noindex: z.boolean().default(false),
  published_at: timestamp,
  date_updated: timestamp,
});
const slugSchema = z.object({ slug: z.string(), published_at: timestamp, date_updated: timestamp });
type PageEntry = z.infer<typeof pageSchema>;
type SlugEntry = z.infer<typeof slugSchema>;

/** Directus pages through big collections in slices this size (well under its memory comfort zone). */
const SLICE = 10_000;

/** The later of publication and last edit: re-publishing or editing both change what a crawler sees. */
function lastmodOf(row: { published_at: string | null; date_updated: string | null }): string | null {
  const { published_at: published, date_updated: updated } = row;
  if (!published) return updated;
  if (!updated) return published;
  return new Date(updated) > new Date(published) ? updated : published;
}

async function readAll<Row>(
  collection: string,
  query: { fields: string[]; filter: Record<string, unknown>; version: string | null },
  schema: z.ZodType<Row, z.ZodTypeDef, unknown>,
): Promise<Row[]> {
  const all: Row[] = [];
  for (let offset = 0; ; offset += SLICE) {
    const { rows } = await readItems(collection, { ...query, sort: ['id'], limit: SLICE, offset }, schema);
    all.push(...rows);
    if (rows.length < SLICE) return all;
  }
}

const byPath = (a: SitemapUrl, b: SitemapUrl) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Articles by SQL, 50,000 to a child, in slug order, minus the slugs other routes own. */
const ARTICLE_SITEMAP = { chunkSize: SITEMAP_URL_LIMIT, reservedSlugs: RESERVED_SLUGS };

/** The article children of the index: counted in the database, cached per content version like every read. */
export function summarizeArticleSitemap(siteId: string): Promise<ChunkSummary[]> {
  return cachedRead(siteId, 'sitemap:article-chunks', () =>
    summarizeSitemapArticles(database(), siteId, ARTICLE_SITEMAP),
  );
}

/**
 * One article child (1-based), read straight from the covering index: up to 50,000 rows are cheaper to read
 * again than to ship through Redis, and the rendered sitemap is cached whole by the page cache.
 */
export async function listArticleSitemapChunk(siteId: string, number: number): Promise<SitemapUrl[]> {
  const rows = await listSitemapArticles(database(), siteId, number, ARTICLE_SITEMAP);
  return rows.map((row) => ({ path: `/${row.slug}`, lastmod: row.lastmod }));
}

/**
 * Every public URL of one site except its articles (which `listArticleSitemapChunk` reads child by child), as
 * the routes resolve them: indexable published pages, `/blog` when there are posts, live posts, and the area
 * hubs with their `/areas` index.
 */
export function listSitemapUrls(siteId: string): Promise<SitemapUrls> {
  // Not 'sitemap:urls': that key held the articles too, and a release reading the other shape must not meet it.
  return cachedRead(siteId, 'sitemap:listed-urls', async (version) => {
    const published = { site_id: { _eq: siteId }, status: { _eq: 'published' } };
    const dated = ['slug', 'published_at', 'date_updated'];
    const [pages, posts, tree] = await Promise.all([
      readAll<PageEntry>(
        'pages',
        { fields: ['permalink', 'noindex', 'published_at', 'date_updated'], filter: published, version },
        pageSchema,
      ),
      readAll<SlugEntry>(
        'posts',
        { fields: dated, filter: { ...published, published_at: { _lte: '$NOW' } }, version },
        slugSchema,
      ),
      loadAreaPlaceTree(siteId),
    ]);
    const hubs = [...tree.hubs.values()];
    const postUrls = posts.map((post) => ({ path: postPath(post.slug), lastmod: lastmodOf(post) }));
    const pageUrls = pages
      .filter((page) => !page.noindex && !isReservedPath(page.permalink))
      .map((page) => ({ path: page.permalink, lastmod: lastmodOf(page) }));
    if (postUrls.length > 0) {
      const newestPost = postUrls.reduce<string | null>(
        (latest, url) => (url.lastmod && (!latest || url.lastmod > latest) ? url.lastmod : latest),
        null,
      );
      pageUrls.push({ path: '/blog', lastmod: newestPost });
    }
    return {
      pages: pageUrls.sort(byPath),
      posts: postUrls.sort(byPath),
      // A hub changes when one of its articles does; the index (which also lists articles about no place)
      // whenever any of them does. Both dates come from the per-place aggregate, never from every article.
      hubs: [
        ...(hubs.length + tree.unplaced.count === 0
          ? []
          : [{ path: AREAS_ROOT, lastmod: tree.indexLastmod }]),
        ...hubs.flatMap((hub) => placeHubPagePaths(hub).map((path) => ({ path, lastmod: hub.lastmod }))),
      ].sort(byPath),
    };
  });
}
