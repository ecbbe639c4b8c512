import { articlePageTagsOf } from '@spark/core';
import { neighbourTagsOfArticles } from '@spark/db';
import { database } from '../connections.js';
import { loadAreaPlaces } from './area-hub-pages.js';
import type { ArticleAreaLinks } from './area-hubs.js';
import type { ArticleRow } from './schemas.js';

export { tagsTouchedBy } from '@spark/core';

/**
 * What a rendered article page depends on besides the site as a whole, as cache tags (named in `@spark/core`,
 * so the writers that delete stored pages compute the same ones): the article itself, every article it links
 * to and its city. A change to some articles then drops exactly the pages that show or would show them
 * (`tagsTouchedBy` + `neighbourTagsOf`).
 */
export function articlePageTags(article: ArticleRow, areas: ArticleAreaLinks): string[] {
  const shown = areas.nearby.map((nearby) => nearby.id);
  if (areas.next) shown.push(areas.next.id);
  return articlePageTagsOf(article.id, article.city_id ?? null, shown);
}

/**
 * The pages that would show the changed articles now: the article before each in the "next article" ring
 * (read fresh) and the pages of the cities within the nearby radius.
 */
export async function neighbourTagsOf(siteId: string, articleIds: readonly string[]): Promise<string[]> {
  return neighbourTagsOfArticles(database(), siteId, articleIds, await loadAreaPlaces(siteId));
}
