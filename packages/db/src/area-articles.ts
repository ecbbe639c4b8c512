import type { AreaArticle, AreaPlace, AreaPlaceKey } from '@spark/core';
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
 * `listNearbyArticles` for many cities at once: for each city of `cityIds`, what `listNearbyArticles` returns for an
 * article of `campaignId` about that city (the list depends only on the city and the campaign). One statement:
 * the city pairs within reach, then one pick per reached city (not per pair), then the nearest `limit` per city.
 * A city without a location, or not listed, gets an empty list.
 */
export async function listNearbyArticlesByCity(
  db: Queryable,
  siteId: string,
  campaignId: string,
  cityIds: readonly string[],
  km: number,
  limit: number,
): Promise<Map<string, NearbyArticle[]>> {
  const nearby = new Map<string, NearbyArticle[]>(cityIds.map((cityId) => [cityId, []]));
  if (cityIds.length === 0) return nearby;
  const { rows } = await db.query<NearbyArticle & { originId: string }>(
    `with pairs as (
       select origin.id as origin_id, c.id as city_id, c.name as "cityName",
              round((ST_Distance(c.geom::geography, origin.geom::geography) / 1000)::numeric, 1)::float8 as km
       from geo_cities origin
       join geo_cities c on c.id <> origin.id and c.geom is not null
         and ST_DWithin(c.geom::geography, origin.geom::geography, $4 * 1000)
       where origin.id = any($3::uuid[])
     ),
     picks as (
       select reached.city_id, pick.id, pick.slug, pick.title
       from (select distinct city_id from pairs) reached
       cross join lateral (
         select a.id, a.slug, a.title from generated_articles a
         where a.city_id = reached.city_id and a.site_id = $1 and a.status = 'published'
         order by (a.campaign_id is not distinct from $2::uuid) desc, a.published_at desc, a.id
         limit 1
       ) pick
     ),
     ranked as (
       select p.origin_id, k.id, k.slug, k.title, p."cityName", p.km,
              row_number() over (partition by p.origin_id order by p.km, p."cityName", p.city_id) as rank
       from pairs p join picks k on k.city_id = p.city_id
     )
     select origin_id as "originId", id, slug, title, "cityName", km from ranked
     where rank <= $5 order by origin_id, rank`,
    [siteId, campaignId, cityIds, km, limit],
  );
  for (const { originId, ...article } of rows) nearby.get(originId)?.push(article);
  return nearby;
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

/**
 * The most specific place an article is stored under (its city, else its county, else its state; null for an
 * article about no place): `generated_articles_place_idx` indexes it, so a hub's articles are found per place
 * instead of by reading the site.
 */
const PLACE_OF = 'coalesce(a.city_id, a.county_id, a.state_id)';

/**
 * One row per place the site's published articles are stored under (the article's own state, county and city
 * columns, exactly as stored), with the names they resolve to (like `listAreaArticles`), how many articles it
 * has and the newest last-modified time among those already live (`published_at` passed). About a thousand rows
 * for a site of 100,000 articles; it still groups every published row of the site, so callers cache it per
 * content version.
 */
export async function listAreaPlaces(db: Queryable, siteId: string): Promise<AreaPlace[]> {
  const { rows } = await db.query<AreaPlace>(
    `select g.state_id as "stateId", g.county_id as "countyId", g.city_id as "cityId",
            s.code as "stateCode", s.name as "stateName", co.name as "countyName", c.name as "cityName",
            g.articles, to_char(g.lastmod at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as lastmod
     from (select a.state_id, a.county_id, a.city_id, count(*)::int as articles,
                  max(greatest(a.published_at, a.date_updated)) filter (where a.published_at <= now()) as lastmod
           from generated_articles a
           where a.site_id = $1 and a.status = 'published'
           group by ${PLACE_OF}, a.state_id, a.county_id, a.city_id) g
     left join geo_cities c on c.id = g.city_id
     left join geo_counties co on co.id = coalesce(g.county_id, c.county_id)
     left join geo_states s on s.id = coalesce(g.state_id, c.state_id, co.state_id)`,
    [siteId],
  );
  return rows;
}

export interface AreaListedArticle {
  id: string;
  slug: string;
  title: string;
}

/**
 * One page of the site's published articles stored under any of `places`, in the hub order: by title, then slug,
 * compared like the hub tree's `Intl.Collator('en')` (ICU's English collation, `en-x-icu`). Each place is found
 * through `generated_articles_place_idx`, so a page costs the hub's articles, never the site's.
 */
export async function listAreaPlaceArticles(
  db: Queryable,
  siteId: string,
  places: readonly AreaPlaceKey[],
  page: { offset: number; limit: number },
): Promise<AreaListedArticle[]> {
  // An article about no place has no place id to look up: the areas index lists those (`listUnplacedArticles`).
  if (places.length === 0) return [];
  const column = (pick: (place: AreaPlaceKey) => string | null) => places.map(pick);
  const { rows } = await db.query<AreaListedArticle>(
    `select a.id, a.slug, a.title from generated_articles a
     where a.site_id = $1 and a.status = 'published' and ${PLACE_OF} = any($5::uuid[])
       and exists (select 1 from unnest($2::uuid[], $3::uuid[], $4::uuid[]) as p(state_id, county_id, city_id)
                   where a.state_id is not distinct from p.state_id and a.county_id is not distinct from p.county_id
                     and a.city_id is not distinct from p.city_id)
     order by a.title collate "en-x-icu", a.slug collate "en-x-icu"
     limit $6 offset $7`,
    [
      siteId,
      column((place) => place.stateId),
      column((place) => place.countyId),
      column((place) => place.cityId),
      column((place) => place.cityId ?? place.countyId ?? place.stateId),
      page.limit,
      page.offset,
    ],
  );
  return rows;
}

/** The site's published articles about no place (no state, county or city), in the hub order. */
export async function listUnplacedArticles(db: Queryable, siteId: string): Promise<AreaListedArticle[]> {
  const { rows } = await db.query<AreaListedArticle>(
    `select a.id, a.slug, a.title from generated_articles a
     where a.site_id = $1 and a.status = 'published' and ${PLACE_OF} is null
     order by a.title collate "en-x-icu", a.slug collate "en-x-icu"`,
    [siteId],
  );
  return rows;
}

/** One published article with the place columns stored on it and the names they resolve to. */
export type AreaPlacedArticle = AreaArticle & AreaPlaceKey;

/** The published articles of the site among `articleIds`, each with its place (as `listAreaArticles` resolves it). */
export async function findAreaArticles(
  db: Queryable,
  siteId: string,
  articleIds: readonly string[],
): Promise<AreaPlacedArticle[]> {
  const { rows } = await db.query<AreaPlacedArticle>(
    `select a.id, a.slug, a.title, a.state_id as "stateId", a.county_id as "countyId", a.city_id as "cityId",
            s.code as "stateCode", s.name as "stateName", co.name as "countyName", c.name as "cityName"
     from generated_articles a
     left join geo_cities c on c.id = a.city_id
     left join geo_counties co on co.id = coalesce(a.county_id, c.county_id)
     left join geo_states s on s.id = coalesce(a.state_id, c.state_id, co.state_id)
     where a.site_id = $1 and a.status = 'published' and a.id = any($2::uuid[])`,
    [siteId, articleIds],
  );
  return rows;
}

/**
 * The first (`after`) or last (`before`) published article of the site stored under any of `places`, in the
 * "next article" ring's order within a place: title, then slug, compared by code point (`collate "C"`, the order
 * of JavaScript's `<` for all but characters outside the Basic Multilingual Plane), strictly after or before
 * `bound` when one is given. `places` are either all about no place (every id null) or all placed.
 */
export async function findAreaNeighbour(
  db: Queryable,
  siteId: string,
  places: readonly AreaPlaceKey[],
  direction: 'after' | 'before',
  bound: { title: string; slug: string } | null,
): Promise<AreaListedArticle | null> {
  if (places.length === 0) return null;
  const unplaced = places.every((place) => !place.stateId && !place.countyId && !place.cityId);
  const order = direction === 'after' ? 'asc' : 'desc';
  // Without a place, `coalesce(...) is null` already means all three columns are null; for one place the exact
  // columns are plain filters; only several places need the semi-join. For one place (or none) the order also
  // names the constant place expression, so it is the place index's own order: the scan stops at the first row
  // instead of sorting every article of the place.
  const samePlace = unplaced
    ? `${PLACE_OF} is null and $2::uuid[] is not null and $3::uuid[] is not null and $4::uuid[] is not null and $5::uuid[] is not null`
    : places.length === 1
      ? `${PLACE_OF} = ($5::uuid[])[1] and a.state_id is not distinct from ($2::uuid[])[1]
         and a.county_id is not distinct from ($3::uuid[])[1] and a.city_id is not distinct from ($4::uuid[])[1]`
      : `${PLACE_OF} = any($5::uuid[])
         and exists (select 1 from unnest($2::uuid[], $3::uuid[], $4::uuid[]) as p(state_id, county_id, city_id)
                     where a.state_id is not distinct from p.state_id and a.county_id is not distinct from p.county_id
                       and a.city_id is not distinct from p.city_id)`;
  const { rows } = await db.query<AreaListedArticle>(
    `select a.id, a.slug, a.title from generated_articles a
     where a.site_id = $1 and a.status = 'published'
       and ${samePlace}
       and ($6::text is null
            or (a.title collate "C", a.slug collate "C") ${direction === 'after' ? '>' : '<'} ($6::text, $7::text))
     order by ${places.length === 1 ? `${PLACE_OF} ${order}, ` : ''}a.title collate "C" ${order}, a.slug collate "C" ${order}
     limit 1`,
    [
      siteId,
      places.map((place) => place.stateId),
      places.map((place) => place.countyId),
      places.map((place) => place.cityId),
      places.map((place) => place.cityId ?? place.countyId ?? place.stateId),
      bound?.title ?? null,
      bound?.slug ?? null,
    ],
  );
  return rows[0] ?? null;
}
