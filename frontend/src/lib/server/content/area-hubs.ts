import { hubTrail } from '@spark/core';
import {
  type AreaListedArticle,
  type AreaPlacedArticle,
  findAreaArticles,
  findAreaRingNeighbour,
} from '@spark/db';
import { database } from '../connections.js';
import { loadAreaPlaces } from './area-hub-pages.js';
import type { NearbyArticle } from './articles.js';

/** What an article page links to besides its text: its hubs, nearby cities' articles and the next article. */
export interface ArticleAreaLinks {
  trail: { name: string; path: string }[];
  nearby: NearbyArticle[];
  next: { id: string; slug: string; title: string } | null;
}

/**
 * The article before or after `self` in the site's area order (state, county, city, title, slug; wrapping
 * around), from the site's cached per-place aggregate and at most two indexed queries.
 */
export async function areaNeighbourOf(
  siteId: string,
  self: AreaPlacedArticle,
  direction: 'after' | 'before',
): Promise<AreaListedArticle | null> {
  return findAreaRingNeighbour(database(), siteId, await loadAreaPlaces(siteId), self, direction);
}

/**
 * `nearby` is read per article, with the article itself (see findArticle); the trail comes from the article's
 * own place and the next article from its place group, so an article page never reads the whole site.
 */
export async function loadArticleAreaLinks(
  siteId: string,
  articleId: string,
  nearby: NearbyArticle[],
): Promise<ArticleAreaLinks> {
  const [self] = await findAreaArticles(database(), siteId, [articleId]);
  if (!self) return { trail: [], nearby, next: null };
  const next = await areaNeighbourOf(siteId, self, 'after');
  return {
    trail: hubTrail(self),
    nearby,
    next: next && next.id !== self.id ? { id: next.id, slug: next.slug, title: next.title } : null,
  };
}
