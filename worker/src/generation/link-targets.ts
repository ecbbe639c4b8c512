import { escapeHtml, type LinkTarget, type PlannedLink } from '@spark/core';
import type { Pool } from '@spark/db';
import { readByCityChunks } from './city-chunks.js';

/** A link target plus what article_links records about it (which table the target lives in). */
export interface SiteLinkTarget extends LinkTarget {
  kind: 'link_target' | 'hub_page' | 'article';
  rowId: string;
  /** Hubs and articles are tied to places; an article links to the ones of its own or nearby cities. */
  cityId: string | null;
  countyId: string | null;
  stateId: string | null;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];

/** Configured targets first (by priority), then published hub pages; anchors are their phrases and place names. */
export async function loadSiteTargets(pool: Pool, siteId: string): Promise<SiteLinkTarget[]> {
  const [targets, hubs] = await Promise.all([
    pool.query<{ id: string; url: string; anchor_texts: unknown; keywords: unknown }>(
      `select id, url, anchor_texts, keywords from link_targets
       where site_id = $1 and is_active order by priority desc, id`,
      [siteId],
    ),
    pool.query<{
      id: string;
      slug: string;
      title: string;
      city_id: string | null;
      county_id: string | null;
      state_id: string | null;
      place: string | null;
    }>(
      `select h.id, h.slug, h.title, h.city_id, h.county_id, h.state_id,
              coalesce(c.name, co.name, s.name) as place
       from hub_pages h
       left join geo_cities c on c.id = h.city_id
       left join geo_counties co on co.id = h.county_id
       left join geo_states s on s.id = h.state_id
       where h.site_id = $1 and h.status = 'published' order by h.slug`,
      [siteId],
    ),
  ]);
  return [
    ...targets.rows.map((row) => ({
      id: `link_target:${row.id}`,
      url: row.url,
      anchors: [...strings(row.anchor_texts), ...strings(row.keywords)],
      kind: 'link_target' as const,
      rowId: row.id,
      cityId: null,
      countyId: null,
      stateId: null,
    })),
    ...hubs.rows.map((row) => ({
      id: `hub_page:${row.id}`,
      url: `/${row.slug}`,
      anchors: [row.title, ...(row.place ? [row.place] : [])],
      kind: 'hub_page' as const,
      rowId: row.id,
      cityId: row.city_id,
      countyId: row.county_id,
      stateId: row.state_id,
    })),
  ];
}

/**
 * For each city, the published articles of cities within `km` of it (PostGIS ST_DWithin), nearest city first and
 * the newest first within a city, at most 20. One set-based statement per 250 cities: the city pairs within
 * reach once, the 20 newest articles of each reached city once (not once per city that reaches it), then the
 * first 20 per city. Geography distances are computed per city pair, not per article.
 */
export async function nearbyArticleTargets(
  pool: Pool,
  siteId: string,
  cityIds: readonly string[],
  km: number,
): Promise<Map<string, SiteLinkTarget[]>> {
  return readByCityChunks(cityIds, (chunk) => nearbyOfChunk(pool, siteId, chunk, km));
}

async function nearbyOfChunk(
  pool: Pool,
  siteId: string,
  cityIds: readonly string[],
  km: number,
): Promise<Map<string, SiteLinkTarget[]>> {
  const nearby = new Map<string, SiteLinkTarget[]>(cityIds.map((cityId) => [cityId, []]));
  const { rows } = await pool.query<{
    origin_id: string;
    id: string;
    slug: string;
    title: string;
    city: string;
    city_id: string;
  }>(
    `with pairs as (
       select origin.id as origin_id, c.id as city_id, c.name as city,
              ST_Distance(c.geom::geography, origin.geom::geography) as distance
       from geo_cities origin
       join geo_cities c on c.id <> origin.id and ST_DWithin(c.geom::geography, origin.geom::geography, $3 * 1000)
       where origin.id = any($2::uuid[])
     ),
     newest as (
       select a.id, a.slug, a.title, a.published_at, reached.city_id
       from (select distinct city_id from pairs) reached
       cross join lateral (
         select a.id, a.slug, a.title, a.published_at from generated_articles a
         where a.city_id = reached.city_id and a.site_id = $1 and a.status = 'published'
         order by a.published_at desc limit 20
       ) a
     ),
     ranked as (
       select p.origin_id, n.id, n.slug, n.title, p.city, p.city_id,
              row_number() over (partition by p.origin_id order by p.distance, n.published_at desc) as rank
       from pairs p join newest n on n.city_id = p.city_id
     )
     select origin_id, id, slug, title, city, city_id from ranked where rank <= 20 order by origin_id, rank`,
    [siteId, cityIds, km],
  );
  for (const row of rows) {
    nearby.get(row.origin_id)?.push({
      id: `article:${row.id}`,
      url: `/${row.slug}`,
      anchors: [row.title, row.city],
      kind: 'article' as const,
      rowId: row.id,
      cityId: row.city_id,
      countyId: null,
      stateId: null,
    });
  }
  return nearby;
}

/** A hub belongs to an article when it is about the article's place (or about no place at all). */
export function hubFits(
  target: SiteLinkTarget,
  article: { city_id: string | null; county_id: string | null; state_id: string | null },
): boolean {
  if (target.kind !== 'hub_page') return true;
  if (target.cityId) return target.cityId === article.city_id;
  if (target.countyId) return target.countyId === article.county_id;
  if (target.stateId) return target.stateId === article.state_id;
  return true;
}

/** Offsets of the anchors in the HTML after the <a> tags went in (article_links.position). */
export function finalOffsets(links: PlannedLink[]): number[] {
  let shift = 0;
  return [...links]
    .sort((a, b) => a.offset - b.offset)
    .map((link) => {
      const open = `<a href="${escapeHtml(link.url)}">`.length;
      const offset = link.offset + shift + open;
      shift += open + '</a>'.length;
      return offset;
    });
}
