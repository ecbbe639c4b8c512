import {
  type AreaArticle,
  type AreaHubTree,
  type AreaPlace,
  type AreaRingGroup,
  adjacentRingGroup,
  areaRingGroups,
  areaRingKey,
  areaSuccessors,
  buildAreaHubTree,
  hubTrail,
} from '@spark/core';
import {
  type AreaListedArticle,
  type AreaPlacedArticle,
  findAreaArticles,
  findAreaNeighbour,
  listAreaArticles,
} from '@spark/db';
import { database } from '../connections.js';
import { loadAreaPlaces } from './area-hub-pages.js';
import type { NearbyArticle } from './articles.js';
import { cachedRead } from './cached-read.js';
import { currentSiteVersions } from './site-version.js';

/**
 * The whole site's hub tree and "next article" ring, built from every published article: only for a large batch
 * of changed articles (`neighbourTagsOf`), where reading the ring once beats looking up each predecessor. Hub
 * pages (area-hub-pages.ts) and article pages (`loadArticleAreaLinks`) read by place instead. Publishing or
 * unpublishing bumps the site's content version, which makes the cached article list fresh at once.
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

const rings = new WeakMap<AreaPlace[], { groups: AreaRingGroup[]; articles: number }>();

/**
 * The article before or after `self` in the site's area order (state, county, city, title, slug; wrapping
 * around), as `areaSuccessors` orders the whole site: found inside its own place group, else at the edge of the
 * neighbouring group, from the per-place aggregate and at most two indexed queries. Null on a site of fewer than
 * two articles (or while the aggregate is older than the article, until the next content version).
 */
export async function areaNeighbourOf(
  siteId: string,
  self: AreaPlacedArticle,
  direction: 'after' | 'before',
): Promise<AreaListedArticle | null> {
  const places = await loadAreaPlaces(siteId);
  let ring = rings.get(places);
  if (!ring) {
    ring = {
      groups: areaRingGroups(places),
      articles: places.reduce((sum, place) => sum + place.articles, 0),
    };
    rings.set(places, ring);
  }
  const at = ring.groups.findIndex((group) => group.key === areaRingKey(self));
  const group = ring.groups[at];
  if (ring.articles < 2 || !group) return null;
  const within = await findAreaNeighbour(database(), siteId, group.places, direction, self);
  if (within) return within;
  const next = adjacentRingGroup(ring.groups, at, direction);
  return next ? findAreaNeighbour(database(), siteId, next.places, direction, null) : null;
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
