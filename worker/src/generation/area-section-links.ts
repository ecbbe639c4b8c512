import {
  type AreaSectionLink,
  areaSectionLinks,
  areaSuccessors,
  buildAreaHubTree,
  NEARBY_AREA_KM,
  NEARBY_AREA_LIMIT,
} from '@spark/core';
import { listAreaArticles, listNearbyArticlesByCity, type Pool } from '@spark/db';
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
