import {
  type AreaSectionLink,
  areaSectionLinks,
  areaSuccessors,
  buildAreaHubTree,
  NEARBY_AREA_KM,
  NEARBY_AREA_LIMIT,
} from '@spark/core';
import { listAreaArticles, listNearbyArticlesByCity, type Pool, type PoolClient } from '@spark/db';
import { readByCityChunks } from './city-chunks.js';

/**
 * What a published article's "Nearby areas" section links to (nearby cities' articles, its area hubs, the next
 * article in area order), for the articles of one campaign. The section is rendered from the same queries at
 * request time, so it never points at an unpublished article. Everything it needs depends on the site's
 * published articles and places, not on their bodies, so it is read once, before any body is linked.
 */
export interface AreaSections {
  linksOf(article: { id: string; slug: string; city_id: string | null }): AreaSectionLink[];
}

/**
 * The site's hub tree and area order, and the nearby list of each of `cityIds` (the campaign's cities): the list
 * depends only on the article's city and campaign, so one statement serves a chunk of cities, not one per article.
 */
export async function loadAreaSections(
  pool: Pool,
  siteId: string,
  campaignId: string,
  cityIds: readonly string[],
): Promise<AreaSections> {
  const articles = await listAreaArticles(pool, siteId);
  const tree = buildAreaHubTree(articles);
  const next = areaSuccessors(articles);
  const nearbyOfCity = await readByCityChunks(cityIds, (chunk) =>
    listNearbyArticlesByCity(pool, siteId, campaignId, chunk, NEARBY_AREA_KM, NEARBY_AREA_LIMIT),
  );
  return {
    linksOf: (article) =>
      areaSectionLinks(
        article,
        tree.trailOf.get(article.id) ?? [],
        // An article without a city (or a city without a location) has no nearby articles.
        (article.city_id && nearbyOfCity.get(article.city_id)) || [],
        next.get(article.id),
      ),
  };
}

/** One section link of one article, recorded at the end of the article's body (the section follows it). */
export interface SectionLinkRow {
  source: string;
  position: number;
  link: AreaSectionLink;
}

/**
 * Records section links in article_links, so the link and orphan reports see what the page renders. Insert the
 * body's own links first: a URL the body already links to stays recorded as the body's link (one row per source
 * and URL), and re-running inserts nothing twice. Returns the rows inserted.
 */
export async function insertAreaSectionLinks(
  client: PoolClient,
  siteId: string,
  rows: readonly SectionLinkRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await client.query(
    `insert into article_links (site_id, source_article_id, target_article_id, target_url, anchor_text, position)
     select $1, t.source, t.article, t.url, t.anchor, t.position
     from unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[]) as t(source, position, article, url, anchor)
     on conflict (source_article_id, target_url) do nothing`,
    [
      siteId,
      rows.map((row) => row.source),
      rows.map((row) => row.position),
      rows.map((row) => row.link.articleId),
      rows.map((row) => row.link.url),
      rows.map((row) => row.link.anchor),
    ],
  );
  return result.rowCount ?? 0;
}
