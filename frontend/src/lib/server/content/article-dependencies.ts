import { NEARBY_AREA_KM } from '@spark/core';
import { findAreaArticles, listCitiesNearArticles } from '@spark/db';
import { database } from '../connections.js';
import { type ArticleAreaLinks, areaNeighbourOf, loadSiteAreas } from './area-hubs.js';
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
 * Up to this many changed articles, each one's predecessor is found by place (two indexed queries at most); a
 * larger batch reads the site's whole ring once instead.
 */
const PREDECESSOR_LOOKUPS_MAX = 100;

/**
 * The pages that would show the changed articles now: the article before each in the "next article" ring
 * (read fresh) and the pages of the cities within the nearby radius.
 */
export async function neighbourTagsOf(siteId: string, articleIds: readonly string[]): Promise<string[]> {
  const [predecessors, cities] = await Promise.all([
    predecessorsOf(siteId, articleIds),
    listCitiesNearArticles(database(), siteId, articleIds, NEARBY_AREA_KM),
  ]);
  return [...cities.map((cityId) => `city:${cityId}`), ...predecessors.map((id) => `page:${id}`)];
}

async function predecessorsOf(siteId: string, articleIds: readonly string[]): Promise<string[]> {
  const changed = new Set(articleIds);
  if (articleIds.length > PREDECESSOR_LOOKUPS_MAX) {
    const areas = await loadSiteAreas(siteId);
    return [...areas.next].filter(([, next]) => changed.has(next.id)).map(([articleId]) => articleId);
  }
  // Only published articles have a place in the ring; an unpublished one is no page's next article any more.
  const published = await findAreaArticles(database(), siteId, articleIds);
  const found: string[] = [];
  for (const article of published) {
    const previous = await areaNeighbourOf(siteId, article, 'before');
    if (previous && previous.id !== article.id) found.push(previous.id);
  }
  return found;
}
