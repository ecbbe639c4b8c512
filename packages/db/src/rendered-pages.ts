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

/** A page to look up: the site resolved from the host, the page cache key, the site's current version. */
export interface RenderedPageKey {
  siteId: string;
  url: string;
  siteVersion: string;
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
  const [found] = await lookupRenderedPages(db, [{ siteId, url, siteVersion }]);
  return found ?? { page: null, epoch: '0' };
}

/**
 * `lookupRenderedPage` for many pages in one statement, answers in the order of `keys`: under load, lookups
 * that arrive together share one round trip instead of queueing for the pool's connections one by one.
 */
export async function lookupRenderedPages(
  db: Queryable,
  keys: readonly RenderedPageKey[],
): Promise<RenderedPageLookup[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.query<{
    at: string;
    epoch: string;
    site_version: string | null;
    tags: string[] | null;
    status: number | null;
    headers: [string, string][] | null;
    body: Buffer | null;
    hash: string | null;
  }>({
    name: 'lookup-rendered-pages',
    text: `select k.at::int as at, coalesce(e.epoch, 0)::text as epoch,
                  p.site_version, p.tags, p.status, p.headers, p.body, p.hash
           from unnest($1::uuid[], $2::text[], $3::text[]) with ordinality as k(site_id, url, site_version, at)
           left join render_store.rendered_page_epochs e on e.site_id = k.site_id
           left join render_store.rendered_pages p
             on p.site_id = k.site_id and p.url = k.url and p.site_version = k.site_version`,
    values: [keys.map((key) => key.siteId), keys.map((key) => key.url), keys.map((key) => key.siteVersion)],
  });
  const found: RenderedPageLookup[] = keys.map(() => ({ page: null, epoch: '0' }));
  for (const row of rows) {
    const key = keys[Number(row.at) - 1];
    if (!key) continue;
    const page =
      row.body && row.hash && row.status !== null && row.site_version !== null
        ? {
            ...key,
            siteVersion: row.site_version,
            tags: row.tags ?? [],
            status: row.status,
            headers: row.headers ?? [],
            body: row.body,
            hash: row.hash,
          }
        : null;
    found[Number(row.at) - 1] = { page, epoch: row.epoch };
  }
  return found;
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

/** The path of a stored page's url (origin + path). */
const PATH_OF_URL = `regexp_replace(url, '^[a-z]+://[^/]+', '')`;

/**
 * Deletes the site's stored pages that carry any of `tags` and bumps the site's epoch, in one transaction, and
 * wants them rendered again (`wanted_pages`) with the live pages of `changedArticleIds`. With `'site'` it
 * deletes all the site's pages and wants every live article page: a whole-site change (theme, navigation, a
 * large publish) renders the site's article pages again in the background. Returns how many pages were deleted.
 */
export async function invalidateRenderedPages(
  pool: Pool,
  siteId: string,
  scope: readonly string[] | 'site',
  changedArticleIds: readonly string[] = [],
): Promise<number> {
  if (scope !== 'site' && scope.length === 0 && changedArticleIds.length === 0) return 0;
  const site = scope === 'site';
  return withTransaction(pool, async (client) => {
    // Epoch first: the row lock makes a concurrent store either finish before this delete or see the bump.
    await client.query({
      name: 'bump-rendered-page-epoch',
      text: `insert into render_store.rendered_page_epochs (site_id, epoch) values ($1, 1)
             on conflict (site_id) do update set epoch = rendered_page_epochs.epoch + 1`,
      values: [siteId],
    });
    const { rows } = await client.query<{ deleted: number }>({
      // One statement per scope, so the tagged delete keeps its own plan on the tags index.
      name: site ? 'delete-site-rendered-pages' : 'delete-tagged-rendered-pages',
      text: `with deleted as (
               delete from render_store.rendered_pages
               where site_id = $1 and ${site ? '$2::text[] is null' : 'tags && $2::text[]'}
               returning ${PATH_OF_URL} as path
             ), wanted as (
               insert into render_store.wanted_pages (site_id, path)
               select $1, path from deleted
               union
               select $1, '/' || a.slug from generated_articles a
               where a.site_id = $1 and a.status = 'published' and a.published_at <= now()
                 and ${site ? '$3::uuid[] is not null' : 'a.id = any($3::uuid[])'}
               on conflict (site_id, path) do nothing
             )
             select count(*)::int as deleted from deleted`,
      values: [siteId, site ? null : scope, changedArticleIds],
    });
    return rows[0]?.deleted ?? 0;
  });
}

/** A page the worker should render into the store: under the site's primary domain. */
export interface WantedPage {
  siteId: string;
  domain: string;
  path: string;
}

/**
 * Takes up to `limit` wanted pages, oldest first, off the queue (several workers take different ones). A page
 * whose render failed is handed back with `wantPages`.
 */
export async function claimWantedPages(db: Queryable, limit: number): Promise<WantedPage[]> {
  const { rows } = await db.query<WantedPage>({
    name: 'claim-wanted-pages',
    text: `with claimed as (
             delete from render_store.wanted_pages w
             where (w.site_id, w.path) in (
               select site_id, path from render_store.wanted_pages order by wanted_at limit $1 for update skip locked)
             returning w.site_id, w.path, w.wanted_at
           )
           select c.site_id as "siteId", s.domain, c.path
           from claimed c join sites s on s.id = c.site_id
           order by c.wanted_at`,
    values: [limit],
  });
  return rows;
}

/** Puts pages (back) on the queue. */
export async function wantPages(
  db: Queryable,
  pages: readonly Pick<WantedPage, 'siteId' | 'path'>[],
): Promise<void> {
  if (pages.length === 0) return;
  await db.query({
    name: 'want-pages',
    text: `insert into render_store.wanted_pages (site_id, path)
           select * from unnest($1::uuid[], $2::text[])
           on conflict (site_id, path) do nothing`,
    values: [pages.map((page) => page.siteId), pages.map((page) => page.path)],
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
