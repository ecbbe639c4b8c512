import { NEARBY_AREA_KM } from '@spark/core';
import { listCitiesNearArticles } from '@spark/db';
import { database } from '../connections.js';
import type { ArticleAreaLinks } from './area-hubs.js';
import { loadSiteAreas } from './area-hubs.js';
import type { ArticleRow } from './schemas.js';

/**
 * What a rendered article page depends on besides the site as a whole, as cache tags: the article itself
 * (`page:`), every article it links to (`shows:` — the next article and the nearby areas' articles) and its
 * city (`city:`), whose neighbourhood decides which new articles it would list. A change to some articles
 * then drops exactly the pages that show or would show them (`tagsTouchedBy` + `neighbourTagsOf`).
 */
export function articlePageTags(article: ArticleRow, areas: ArticleAreaLinks): string[] {
  const tags = [`page:${article.id}`, ...areas.nearby.map((nearby) => `shows:${nearby.id}`)];
  if (areas.next) tags.push(`shows:${areas.next.id}`);
  if (article.city_id) tags.push(`city:${article.city_id}`);
  return tags;
}

/** The pages that show the changed articles as they were: known from the tags alone. */
export function tagsTouchedBy(articleIds: readonly string[]): string[] {
  return articleIds.flatMap((id) => [`page:${id}`, `shows:${id}`]);
}

/**
 * The pages that would show the changed articles now: the article before each in the "next article" ring
 * (read from the fresh article list) and the pages of the cities within the nearby radius.
 */
export async function neighbourTagsOf(siteId: string, articleIds: readonly string[]): Promise<string[]> {
  const changed = new Set(articleIds);
  const [areas, cities] = await Promise.all([
    loadSiteAreas(siteId),
    listCitiesNearArticles(database(), siteId, articleIds, NEARBY_AREA_KM),
  ]);
  const tags = cities.map((cityId) => `city:${cityId}`);
  for (const [articleId, next] of areas.next) if (changed.has(next.id)) tags.push(`page:${articleId}`);
  return tags;
}
