import {
  type AreaArticle,
  type AreaHubTree,
  areaSuccessors,
  buildAreaHubTree,
  NEARBY_AREA_KM,
  NEARBY_AREA_LIMIT,
} from '@spark/core';
import { listAreaArticles, listNearbyArticles, type NearbyArticle } from '@spark/db';
import { database } from '../connections.js';
import { cachedRead } from './cached-read.js';

/**
 * Area hubs are derived from the site's published articles on read, never stored: publishing or unpublishing
 * bumps the site's content version, which makes the cached article list (and so every hub) fresh at once, and
 * a hub can only ever list published articles of its own site.
 */
export interface SiteAreas {
  tree: AreaHubTree;
  next: Map<string, AreaArticle>;
}

const built = new WeakMap<AreaArticle[], SiteAreas>();

export async function loadSiteAreas(siteId: string): Promise<SiteAreas> {
  const articles = await cachedRead(siteId, 'areas:articles', () => listAreaArticles(database(), siteId));
  let areas = built.get(articles);
  if (!areas) {
    areas = { tree: buildAreaHubTree(articles), next: areaSuccessors(articles) };
    built.set(articles, areas);
  }
  return areas;
}

/** What an article page links to besides its text: its hubs, nearby cities' articles and the next article. */
export interface ArticleAreaLinks {
  trail: { name: string; path: string }[];
  nearby: NearbyArticle[];
  next: { id: string; slug: string; title: string } | null;
}

export async function loadArticleAreaLinks(siteId: string, articleId: string): Promise<ArticleAreaLinks> {
  const [areas, nearby] = await Promise.all([
    loadSiteAreas(siteId),
    cachedRead(siteId, `areas:nearby:${articleId}`, () =>
      listNearbyArticles(database(), siteId, articleId, NEARBY_AREA_KM, NEARBY_AREA_LIMIT),
    ),
  ]);
  const next = areas.next.get(articleId);
  return {
    trail: areas.tree.trailOf.get(articleId) ?? [],
    nearby,
    next: next ? { id: next.id, slug: next.slug, title: next.title } : null,
  };
}
