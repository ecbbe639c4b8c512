import type { Pool, PoolClient } from 'pg';

type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * The article URLs of a site's sitemap, in SQL: a site with 100,000 articles cannot be read through Directus in
 * slices per sitemap request. The rule lives in the statement so no caller can forget it, and it is the article
 * page's own (see published-articles.ts): only the given site, only `status = 'published'`, only once
 * `published_at` has passed. An article is also left out where the page would not be it: a published page of the
 * site at `/<slug>` wins that path, and a reserved slug (`blog`, `areas`, ...) belongs to another route.
 *
 * Sitemap children list articles in slug order, `chunkSize` to a child; both reads walk the covering index
 * `generated_articles_sitemap_idx` (site, slug, with the dates included) and never touch the table's heap pages
 * for a visible row.
 */
const LISTED = `a.site_id = $1 and a.status = 'published' and a.published_at <= now()
  and a.slug <> all($2::text[])
  and not exists (select 1 from pages p
                  where p.site_id = a.site_id and p.status = 'published' and p.permalink = '/' || a.slug)`;

/** When what a crawler sees last changed: the later of publication and last edit. */
const LASTMOD = 'greatest(a.published_at, a.date_updated)';
/** ISO-8601 UTC text with milliseconds, like Directus's; formatted after the offset so skipped rows cost nothing. */
const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface SitemapArticle {
  slug: string;
  lastmod: string;
}

export interface SitemapArticleChunk {
  /** 1-based, as in `/sitemap-articles-<number>.xml`. */
  number: number;
  count: number;
  lastmod: string;
}

export interface SitemapArticleOptions {
  /** URLs per sitemap child (the protocol allows at most 50,000). */
  chunkSize: number;
  /** Slugs whose path another route owns; never listed. */
  reservedSlugs: readonly string[];
}

/** The children an index lists: one per `chunkSize` articles in slug order, each with its newest lastmod. */
export async function summarizeSitemapArticles(
  db: Queryable,
  siteId: string,
  { chunkSize, reservedSlugs }: SitemapArticleOptions,
): Promise<SitemapArticleChunk[]> {
  const { rows } = await db.query<SitemapArticleChunk>(
    `select number, count, ${ISO('lastmod')} as lastmod
     from (select (n - 1) / $3 + 1 as number, count(*)::int as count, max(lastmod) as lastmod
           from (select row_number() over (order by a.slug) as n, ${LASTMOD} as lastmod
                 from generated_articles a where ${LISTED}) listed
           group by 1) chunks
     order by number`,
    [siteId, reservedSlugs, chunkSize],
  );
  return rows.map((row) => ({ ...row, number: Number(row.number) }));
}

/** The articles of child `number` (1-based) in slug order; empty past the last child. */
export async function listSitemapArticles(
  db: Queryable,
  siteId: string,
  number: number,
  { chunkSize, reservedSlugs }: SitemapArticleOptions,
): Promise<SitemapArticle[]> {
  if (!Number.isSafeInteger(number) || number < 1) return [];
  // The offset is bounded by the site's article count and walked on the covering index (about 3 ms per 50,000
  // entries at 100,000 articles): cheaper than keeping a cursor per child that every publish would move.
  const { rows } = await db.query<SitemapArticle>(
    `select slug, ${ISO('lastmod')} as lastmod
     from (select a.slug, ${LASTMOD} as lastmod from generated_articles a where ${LISTED}
           order by a.slug offset $3 limit $4) listed
     order by slug`,
    [siteId, reservedSlugs, (number - 1) * chunkSize, chunkSize],
  );
  return rows;
}

/**
 * Every live article's slug and lastmod, for dating the area hubs (a hub changed when one of its articles did).
 * Unlike the sitemap lists, an article a page shadows still counts: it still belongs to its hub.
 */
export async function listLiveArticleLastmods(db: Queryable, siteId: string): Promise<SitemapArticle[]> {
  const { rows } = await db.query<SitemapArticle>(
    `select a.slug, ${ISO(LASTMOD)} as lastmod from generated_articles a
     where a.site_id = $1 and a.status = 'published' and a.published_at <= now()`,
    [siteId],
  );
  return rows;
}
