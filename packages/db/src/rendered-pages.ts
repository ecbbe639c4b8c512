import { tagsTouchedBy } from '@spark/core';
import type { Pool, PoolClient } from 'pg';
import { listAreaPlaces } from './area-articles.js';
import { neighbourTagsOfArticles } from './area-ring.js';
import { withTransaction } from './pool.js';

type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * The render store (`render_store.rendered_pages`): public pages rendered ahead of their first visitor and
 * served without rendering. Every statement is keyed by the site id the caller resolved from the request's
 * host, so one tenant's rows can never answer another's request.
 *
 * Consistency rests on the site's epoch: `invalidateRenderedPages` deletes rows and bumps the epoch in one
 * transaction, and `storeRenderedPage` writes only while the epoch is still the one its lookup saw (a row
 * lock on the epoch row serialises the two). A render that overlapped an invalidation therefore never
 * writes back the content that was just removed.
 */
export interface RenderedPage {
  siteId: string;
  /** The page cache key: origin + path. */
  url: string;
  /** The whole-site content version the page was rendered under. */
  siteVersion: string;
  /** What the page shows (cache tags); an invalidation of any of them deletes the row. */
  tags: readonly string[];
  status: number;
  headers: readonly (readonly [string, string])[];
  body: Buffer;
  /** The body's content hash, the base of its ETags. */
  hash: string;
}

export interface RenderedPageLookup {
  /** The stored page under this site version, or null. */
  page: RenderedPage | null;
  /** The site's epoch at the lookup: pass it to `storeRenderedPage` after rendering a miss. */
  epoch: string;
}

/**
 * One round trip: the stored page (only under `siteVersion`: a page rendered under an older whole-site
 * version is never served) and the site's current epoch (0 before the first invalidation).
 */
export async function lookupRenderedPage(
  db: Queryable,
  siteId: string,
  url: string,
  siteVersion: string,
): Promise<RenderedPageLookup> {
  const { rows } = await db.query<{
    epoch: string;
    site_version: string | null;
    tags: string[] | null;
    status: number | null;
    headers: [string, string][] | null;
    body: Buffer | null;
    hash: string | null;
  }>({
    name: 'lookup-rendered-page',
    text: `select coalesce((select epoch from render_store.rendered_page_epochs where site_id = $1), 0)::text as epoch,
                  p.site_version, p.tags, p.status, p.headers, p.body, p.hash
           from (select 1) one
           left join render_store.rendered_pages p on p.site_id = $1 and p.url = $2 and p.site_version = $3`,
    values: [siteId, url, siteVersion],
  });
  const row = rows[0];
  if (!row) return { page: null, epoch: '0' };
  const page =
    row.body && row.hash && row.status !== null && row.site_version !== null
      ? {
          siteId,
          url,
          siteVersion: row.site_version,
          tags: row.tags ?? [],
          status: row.status,
          headers: row.headers ?? [],
          body: row.body,
          hash: row.hash,
        }
      : null;
  return { page, epoch: row.epoch };
}

/**
 * Stores (or replaces) a rendered page, unless the site's epoch moved since `epochAtLookup`: then an
 * invalidation ran while the page was rendering and the page may show what it removed. The epoch row is
 * created on first use and read `for share`, so a concurrent invalidation (which updates it) waits for this
 * insert to commit and then deletes the row, or this insert waits and sees the new epoch. Returns whether
 * the page was stored.
 */
export async function storeRenderedPage(
  db: Queryable,
  page: RenderedPage,
  epochAtLookup: string,
): Promise<boolean> {
  if (epochAtLookup === '0') {
    await db.query({
      name: 'ensure-rendered-page-epoch',
      text: `insert into render_store.rendered_page_epochs (site_id) values ($1) on conflict (site_id) do nothing`,
      values: [page.siteId],
    });
  }
  const { rowCount } = await db.query({
    name: 'store-rendered-page',
    text: `insert into render_store.rendered_pages (site_id, url, site_version, tags, status, headers, body, hash)
           select $1, $2, $3, $4, $5, $6, $7, $8
           from render_store.rendered_page_epochs e where e.site_id = $1 and e.epoch = $9::bigint
           for share of e
           on conflict (site_id, url) do update set site_version = excluded.site_version, tags = excluded.tags,
             status = excluded.status, headers = excluded.headers, body = excluded.body, hash = excluded.hash,
             rendered_at = now()`,
    values: [
      page.siteId,
      page.url,
      page.siteVersion,
      page.tags,
      page.status,
      JSON.stringify(page.headers),
      page.body,
      page.hash,
      epochAtLookup,
    ],
  });
  return rowCount === 1;
}

/**
 * Deletes the site's stored pages that carry any of `tags` (or, with `'site'`, all of them) and bumps the
 * site's epoch, in one transaction. Returns how many pages were deleted.
 */
export async function invalidateRenderedPages(
  pool: Pool,
  siteId: string,
  scope: readonly string[] | 'site',
): Promise<number> {
  if (scope !== 'site' && scope.length === 0) return 0;
  return withTransaction(pool, async (client) => {
    // Epoch first: the row lock makes a concurrent store either finish before this delete or see the bump.
    await client.query({
      name: 'bump-rendered-page-epoch',
      text: `insert into render_store.rendered_page_epochs (site_id, epoch) values ($1, 1)
             on conflict (site_id) do update set epoch = rendered_page_epochs.epoch + 1`,
      values: [siteId],
    });
    const { rowCount } =
      scope === 'site'
        ? await client.query({
            name: 'delete-site-rendered-pages',
            text: 'delete from render_store.rendered_pages where site_id = $1',
            values: [siteId],
          })
        : await client.query({
            name: 'delete-tagged-rendered-pages',
            text: 'delete from render_store.rendered_pages where site_id = $1 and tags && $2::text[]',
            values: [siteId, scope],
          });
    return rowCount ?? 0;
  });
}

/**
 * The tags of every stored page an article change makes stale, computed from the committed content as the
 * frontend computes them for its memory cache: the pages that showed the articles (their own pages and every
 * page linking to them) and the pages that would show them now (`neighbourTagsOfArticles`).
 */
export async function renderedPageTagsOfArticles(
  db: Queryable,
  siteId: string,
  articleIds: readonly string[],
): Promise<string[]> {
  const nowShowing = await neighbourTagsOfArticles(db, siteId, articleIds, await listAreaPlaces(db, siteId));
  return [...new Set([...tagsTouchedBy(articleIds), ...nowShowing])];
}
