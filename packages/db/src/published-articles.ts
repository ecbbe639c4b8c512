import type { Pool, PoolClient } from 'pg';

type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * The read path of public article pages, in SQL instead of through Directus (whose per-request permission
 * work cost ~7–8 ms of CPU per item). It applies the same rule as the SSR reader's Directus policy, in the
 * statement itself so no caller can forget it: only the given site's rows, only `status = 'published'`, only
 * once `published_at` has passed (an embargoed row is not live yet). Columns are listed, never `*`, so a
 * column added later is not exposed by accident. Timestamps come back as ISO-8601 text, like Directus's.
 */
const LIVE_ARTICLE = `a.site_id = $1 and a.status = 'published' and a.published_at <= now()`;

const ISO = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${column.replace(/^a\./, '')}`;

const ARTICLE_COLUMNS = [
  'a.id',
  'a.slug',
  'a.title',
  'a.html_content',
  'a.excerpt',
  'a.meta_title',
  'a.meta_description',
  'a.word_count',
  'a.city_id',
  ISO('a.published_at'),
  ISO('a.date_updated'),
].join(', ');

/** A live article of the site by slug, as unvalidated columns (the caller parses them), or null. */
export async function findPublishedArticle(
  db: Queryable,
  siteId: string,
  slug: string,
): Promise<Record<string, unknown> | null> {
  const { rows } = await db.query<Record<string, unknown>>({
    name: 'find-published-article',
    text: `select ${ARTICLE_COLUMNS} from generated_articles a where ${LIVE_ARTICLE} and a.slug = $2 limit 1`,
    values: [siteId, slug],
  });
  return rows[0] ?? null;
}

/**
 * The nearby articles of `listNearbyArticles` for the article row `a`, as one JSON array (nearest first): a
 * scalar subquery, so the article and its links come back in one round trip. Only live articles: a page must
 * not name an article whose publication time is still to come.
 *
 * Written as lateral joins so the plan starts from the article's own city whatever the statistics say: as a
 * plain join, a generic plan made while the table's statistics still counted a few rows (right after a bulk
 * publish) scanned every published article of the site for each page. One article per city is the first of
 * its city's live articles by the same order (same campaign first, newest, id).
 */
const NEARBY_OF_ARTICLE = `coalesce((
  select json_agg(json_build_object('id', n.id, 'slug', n.slug, 'title', n.title, 'cityName', n."cityName", 'km', n.km)
                  order by n.km, n."cityName")
  from (
    select o.id, o.slug, o.title, c.name as "cityName", c.km
    from geo_cities origin
    cross join lateral (
      select c.id, c.name,
             round((ST_Distance(c.geom::geography, origin.geom::geography) / 1000)::numeric, 1)::float8 as km
      from geo_cities c
      where c.id <> origin.id and c.geom is not null
        and ST_DWithin(c.geom::geography, origin.geom::geography, $3 * 1000)
    ) c
    cross join lateral (
      select o.id, o.slug, o.title from generated_articles o
      where o.city_id = c.id and o.site_id = $1 and o.status = 'published' and o.published_at <= now()
      order by (o.campaign_id is not distinct from a.campaign_id) desc, o.published_at desc, o.id
      limit 1
    ) o
    where origin.id = a.city_id
    order by c.km, c.name
    limit $4
  ) n
), '[]'::json) as nearby`;

/**
 * What a cold article page reads, in one statement: the live article (exactly as `findPublishedArticle`) and,
 * under `nearby`, the published articles of other cities within `km` of its city (as `listNearbyArticles`).
 * One round trip and one prepared plan instead of two parsed and planned statements per page.
 */
export async function findPublishedArticlePage(
  db: Queryable,
  siteId: string,
  slug: string,
  nearby: { km: number; limit: number },
): Promise<Record<string, unknown> | null> {
  const { rows } = await db.query<Record<string, unknown>>({
    name: 'find-published-article-page',
    text: `select ${ARTICLE_COLUMNS}, ${NEARBY_OF_ARTICLE}
           from generated_articles a where ${LIVE_ARTICLE} and a.slug = $2 limit 1`,
    values: [siteId, slug, nearby.km, nearby.limit],
  });
  return rows[0] ?? null;
}
