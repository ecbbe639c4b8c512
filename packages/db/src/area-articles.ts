import type { AreaArticle } from '@spark/core';
import type { Pool, PoolClient } from 'pg';

type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * One site's published articles with their place (state, county and city names are null where unknown), by title:
 * the hub tree sorts them by title with its own collation, and a list that is already (nearly) in that order sorts
 * in about one comparison per article instead of seconds of them at 100,000 articles.
 */
export async function listAreaArticles(db: Queryable, siteId: string): Promise<AreaArticle[]> {
  const { rows } = await db.query<AreaArticle>(
    `select a.id, a.slug, a.title, s.code as "stateCode", s.name as "stateName",
            co.name as "countyName", c.name as "cityName"
     from generated_articles a
     left join geo_cities c on c.id = a.city_id
     left join geo_counties co on co.id = coalesce(a.county_id, c.county_id)
     left join geo_states s on s.id = coalesce(a.state_id, c.state_id, co.state_id)
     where a.site_id = $1 and a.status = 'published'
     order by a.title, a.slug`,
    [siteId],
  );
  return rows;
}

export interface NearbyArticle {
  id: string;
  slug: string;
  title: string;
  cityName: string;
  km: number;
}

/**
 * Published articles of the same site about other cities within `km` of the article's city (PostGIS
 * ST_DWithin on the sphere), one per city, nearest first; an article of the same campaign is preferred.
 */
export async function listNearbyArticles(
  db: Queryable,
  siteId: string,
  articleId: string,
  km: number,
  limit: number,
): Promise<NearbyArticle[]> {
  const { rows } = await db.query<NearbyArticle>(
    `select id, slug, title, "cityName", km from (
       select distinct on (c.id) a.id, a.slug, a.title, c.name as "cityName",
              round((ST_Distance(c.geom::geography, origin.geom::geography) / 1000)::numeric, 1)::float8 as km
       from generated_articles self
       join geo_cities origin on origin.id = self.city_id
       join geo_cities c on c.id <> origin.id and c.geom is not null
         and ST_DWithin(c.geom::geography, origin.geom::geography, $3 * 1000)
       join generated_articles a on a.city_id = c.id and a.site_id = $1 and a.status = 'published'
       where self.id = $2 and self.site_id = $1
       order by c.id, (a.campaign_id is not distinct from self.campaign_id) desc, a.published_at desc, a.id
     ) nearby
     order by km, "cityName"
     limit $4`,
    [siteId, articleId, km, limit],
  );
  return rows;
}

/**
 * The cities whose article pages may list one of these articles among their nearby areas: every other city
 * within `km` of an article's city (distance is symmetric, so these are exactly the origins whose nearby
 * search reaches it). Used to refresh those pages when the articles change; rows of any status count, so an
 * unpublished article's neighbours refresh too.
 */
export async function listCitiesNearArticles(
  db: Queryable,
  siteId: string,
  articleIds: readonly string[],
  km: number,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select distinct c.id from generated_articles a
     join geo_cities origin on origin.id = a.city_id and origin.geom is not null
     join geo_cities c on c.id <> origin.id and c.geom is not null
       and ST_DWithin(c.geom::geography, origin.geom::geography, $3 * 1000)
     where a.site_id = $1 and a.id = any($2::uuid[])`,
    [siteId, articleIds, km],
  );
  return rows.map((row) => row.id);
}
