import { type AreaArticle, type AreaHubTree, areaSuccessors, buildAreaHubTree } from '@spark/core';
import { listAreaArticles } from '@spark/db';
import { database } from '../connections.js';
import type { NearbyArticle } from './articles.js';
import { cachedRead } from './cached-read.js';
import { currentSiteVersions } from './site-version.js';

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
/**
 * The last tree built per site, with the content version it was read at: a large site's tree (hundreds of ms
 * for 100,000 articles) is rebuilt when its articles change, not each time the in-process memo of the list
 * expires. The list is read after the version, so it is never older than the version it is kept under.
 */
const latest = new Map<string, { version: string; areas: SiteAreas }>();
const MAX_SITES_KEPT = 1_000;

export async function loadSiteAreas(siteId: string): Promise<SiteAreas> {
  const versions = await currentSiteVersions(siteId);
  const kept = versions ? latest.get(siteId) : undefined;
  if (kept && kept.version === versions?.content) return kept.areas;
  const articles = await cachedRead(siteId, 'areas:articles', () => listAreaArticles(database(), siteId));
  let areas = built.get(articles);
  if (!areas) {
    areas = { tree: buildAreaHubTree(articles), next: areaSuccessors(articles) };
    built.set(articles, areas);
  }
  if (versions) {
    if (latest.size >= MAX_SITES_KEPT) latest.clear();
    latest.set(siteId, { version: versions.content, areas });
  }
  return areas;
}

/** What an article page links to besides its text: its hubs, nearby cities' articles and the next article. */
export interface ArticleAreaLinks {
  trail: { name: string; path: string }[];
  nearby: NearbyArticle[];
  next: { id: string; slug: string; title: string } | null;
}

/** `nearby` is read per article, with the article itself (see findArticle); the rest comes from the site's tree. */
export async function loadArticleAreaLinks(
  siteId: string,
  articleId: string,
  nearby: NearbyArticle[],
): Promise<ArticleAreaLinks> {
  const areas = await loadSiteAreas(siteId);
  const next = areas.next.get(articleId);
  return {
    trail: areas.tree.trailOf.get(articleId) ?? [],
    nearby,
    next: next ? { id: next.id, slug: next.slug, title: next.title } : null,
  };
}
