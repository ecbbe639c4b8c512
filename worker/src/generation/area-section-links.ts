import {
  type AreaSectionLink,
  areaSectionLinks,
  areaSuccessors,
  buildAreaHubTree,
  NEARBY_AREA_KM,
  NEARBY_AREA_LIMIT,
} from '@spark/core';
import { listAreaArticles, listNearbyArticlesByCity, type NearbyArticle, type Pool } from '@spark/db';

/** Articles whose section links go out in one insert. */
const BATCH = 200;
/** Cities per nearby-articles statement: each stays well inside the pool's statement timeout in a dense region. */
const NEARBY_CITY_CHUNK = 250;

/**
 * Records the links of each published article's "Nearby areas" section (nearby cities' articles, its area hubs,
 * the next article in area order) in article_links, so the link and orphan reports see what the page renders.
 * The section is rendered from the same queries at request time, so it never points at an unpublished article.
 * Re-running inserts nothing twice (one row per source and URL).
 *
 * `bodyLengths` holds the length (in characters, as PostgreSQL's char_length counts them) of bodies the caller
 * has just read or written: the section sits after the body, and reading every body back only to measure it
 * would decompress the whole campaign again. Articles missing from it are measured in SQL.
 */
export async function recordAreaSectionLinks(
  pool: Pool,
  siteId: string,
  campaignId: string,
  bodyLengths: ReadonlyMap<string, number> = new Map(),
): Promise<number> {
  const articles = await listAreaArticles(pool, siteId);
  const tree = buildAreaHubTree(articles);
  const next = areaSuccessors(articles);
  const { rows } = await pool.query<{ id: string; slug: string; city_id: string | null }>(
    `select id, slug, city_id from generated_articles
     where site_id = $1 and campaign_id = $2 and status = 'published' order by id`,
    [siteId, campaignId],
  );
  const ends = new Map(bodyLengths);
  const unmeasured = rows.filter((row) => !ends.has(row.id)).map((row) => row.id);
  if (unmeasured.length > 0) {
    const { rows: measured } = await pool.query<{ id: string; end: number }>(
      'select id, char_length(html_content) as end from generated_articles where id = any($1::uuid[])',
      [unmeasured],
    );
    for (const row of measured) ends.set(row.id, row.end);
  }
  // The nearby list depends only on the article's city (and campaign, the same for all of these): one
  // statement per chunk of cities, not one per article or per city. An article without a city has none.
  const cityIds = [...new Set(rows.flatMap((row) => (row.city_id ? [row.city_id] : [])))];
  const nearbyOfCity = new Map<string, NearbyArticle[]>();
  for (let offset = 0; offset < cityIds.length; offset += NEARBY_CITY_CHUNK) {
    const chunk = await listNearbyArticlesByCity(
      pool,
      siteId,
      campaignId,
      cityIds.slice(offset, offset + NEARBY_CITY_CHUNK),
      NEARBY_AREA_KM,
      NEARBY_AREA_LIMIT,
    );
    for (const [cityId, nearby] of chunk) nearbyOfCity.set(cityId, nearby);
  }
  let inserted = 0;
  for (let offset = 0; offset < rows.length; offset += BATCH) {
    const sources: string[] = [];
    const positions: number[] = [];
    const links: AreaSectionLink[] = [];
    for (const article of rows.slice(offset, offset + BATCH)) {
      const end = ends.get(article.id);
      // Deleted since it was listed: nothing to link from.
      if (end === undefined) continue;
      for (const link of areaSectionLinks(
        article,
        tree.trailOf.get(article.id) ?? [],
        (article.city_id && nearbyOfCity.get(article.city_id)) || [],
        next.get(article.id),
      )) {
        sources.push(article.id);
        positions.push(end);
        links.push(link);
      }
    }
    if (links.length === 0) continue;
    const result = await pool.query(
      `insert into article_links (site_id, source_article_id, target_article_id, target_url, anchor_text, position)
       select $1, t.source, t.article, t.url, t.anchor, t.position
       from unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[]) as t(source, position, article, url, anchor)
       on conflict (source_article_id, target_url) do nothing`,
      [
        siteId,
        sources,
        positions,
        links.map((link) => link.articleId),
        links.map((link) => link.url),
        links.map((link) => link.anchor),
      ],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
