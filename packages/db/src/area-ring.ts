import {
  type AreaPlace,
  type AreaRingGroup,
  adjacentRingGroup,
  areaRingGroups,
  areaRingKey,
  areaSuccessors,
  NEARBY_AREA_KM,
  neighbourTagsOf,
} from '@spark/core';
import type { Pool, PoolClient } from 'pg';
import {
  type AreaListedArticle,
  type AreaPlacedArticle,
  findAreaArticles,
  findAreaNeighbour,
  listAreaArticles,
  listCitiesNearArticles,
} from './area-articles.js';

type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * The site's "next article" ring (every published article in area order: state, county, city, title, slug,
 * wrapping around, as `areaSuccessors` orders it), walked by place instead of read whole: `places` is the
 * site's per-place aggregate (`listAreaPlaces`), which callers may hold in a cache of their own.
 */
const rings = new WeakMap<readonly AreaPlace[], { groups: AreaRingGroup[]; articles: number }>();

/**
 * The article before or after `self` in the ring: found inside its own place group, else at the edge of the
 * neighbouring group, with at most two indexed queries. Null on a site of fewer than two articles (or while
 * `places` is older than the article).
 */
export async function findAreaRingNeighbour(
  db: Queryable,
  siteId: string,
  places: readonly AreaPlace[],
  self: AreaPlacedArticle,
  direction: 'after' | 'before',
): Promise<AreaListedArticle | null> {
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
  const within = await findAreaNeighbour(db, siteId, group.places, direction, self);
  if (within) return within;
  const next = adjacentRingGroup(ring.groups, at, direction);
  return next ? findAreaNeighbour(db, siteId, next.places, direction, null) : null;
}

/**
 * Up to this many changed articles, each one's predecessor is found by place (two indexed queries at most); a
 * larger batch reads the site's whole ring once instead.
 */
const PREDECESSOR_LOOKUPS_MAX = 100;

/** The articles whose "next article" is one of `articleIds` now (only published articles are in the ring). */
async function findRingPredecessors(
  db: Queryable,
  siteId: string,
  articleIds: readonly string[],
  places: readonly AreaPlace[],
): Promise<string[]> {
  const changed = new Set(articleIds);
  if (articleIds.length > PREDECESSOR_LOOKUPS_MAX) {
    const successors = areaSuccessors(await listAreaArticles(db, siteId));
    return [...successors].filter(([, next]) => changed.has(next.id)).map(([articleId]) => articleId);
  }
  const found: string[] = [];
  for (const article of await findAreaArticles(db, siteId, articleIds)) {
    const previous = await findAreaRingNeighbour(db, siteId, places, article, 'before');
    if (previous && previous.id !== article.id) found.push(previous.id);
  }
  return found;
}

/**
 * The tags of the article pages that would show the changed articles now (`neighbourTagsOf`): their
 * predecessors in the ring and the pages of the cities within the nearby radius. Read from committed content,
 * so the frontend (dropping pages from memory) and every writer (deleting stored pages) find the same pages.
 */
export async function neighbourTagsOfArticles(
  db: Queryable,
  siteId: string,
  articleIds: readonly string[],
  places: readonly AreaPlace[],
): Promise<string[]> {
  const [predecessors, cities] = await Promise.all([
    findRingPredecessors(db, siteId, articleIds, places),
    listCitiesNearArticles(db, siteId, articleIds, NEARBY_AREA_KM),
  ]);
  return neighbourTagsOf(predecessors, cities);
}
