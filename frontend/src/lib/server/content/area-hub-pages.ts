import {
  AREAS_ROOT,
  type AreaPlace,
  type AreaPlaceTree,
  buildAreaPlaceTree,
  locatePlaceHubPage,
  type PlaceHubPage,
} from '@spark/core';
import {
  type AreaListedArticle,
  listAreaPlaceArticles,
  listAreaPlaces,
  listUnplacedArticles,
} from '@spark/db';
import { database } from '../connections.js';
import { cachedRead } from './cached-read.js';

/**
 * The area hub pages, read per request from the places of the site's published articles: one aggregate row per
 * place (cached per content version like every read, so a publish refreshes it at once) gives every hub, its
 * counts, children and pages, and a hub page then reads only its own page of articles. Nothing reads the site's
 * articles one by one, so the first request after a publish costs the aggregate and one page, not the site.
 * Only published articles of the given site are ever counted or listed (the statements' own filter).
 */
const trees = new WeakMap<AreaPlace[], AreaPlaceTree>();

/** The site's places with their article counts and dates, cached per content version. */
export function loadAreaPlaces(siteId: string): Promise<AreaPlace[]> {
  return cachedRead(siteId, 'areas:places', () => listAreaPlaces(database(), siteId));
}

export async function loadAreaPlaceTree(siteId: string): Promise<AreaPlaceTree> {
  const places = await loadAreaPlaces(siteId);
  let tree = trees.get(places);
  if (!tree) {
    tree = buildAreaPlaceTree(places);
    trees.set(places, tree);
  }
  return tree;
}

/** The hub page at `path` (`/areas/tx`, `/areas/tx/travis-county/page/2`), or null when there is none. */
export async function loadAreaHubPage(siteId: string, path: string): Promise<PlaceHubPage | null> {
  const slot = locatePlaceHubPage(await loadAreaPlaceTree(siteId), path);
  if (!slot) return null;
  const { offset, limit, ...page } = slot;
  // The key is a hub page path the tree has, never arbitrary request input.
  const articles = await cachedRead(siteId, `areas:page:${slot.path}`, () =>
    listAreaPlaceArticles(database(), siteId, slot.hub.listed.places, { offset, limit }),
  );
  return { ...page, articles };
}

export interface AreasIndex {
  tree: AreaPlaceTree;
  /** Articles about no place, which the index lists itself so they stay in reach. */
  unplaced: AreaListedArticle[];
}

export async function loadAreasIndex(siteId: string): Promise<AreasIndex> {
  const tree = await loadAreaPlaceTree(siteId);
  const unplaced =
    tree.unplaced.count === 0
      ? []
      : await cachedRead(siteId, `areas:page:${AREAS_ROOT}`, () => listUnplacedArticles(database(), siteId));
  return { tree, unplaced };
}
