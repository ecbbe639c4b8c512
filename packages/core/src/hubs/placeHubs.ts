import { type HubLevel, hubTrail } from './areaHubs.js';
import { HUB_PAGE_SIZE, hubPagePath, parseHubPagePath } from './hubPages.js';

/**
 * The area hubs built from places instead of articles: the same hubs, paths, levels, children, counts and pages
 * as `buildAreaHubTree`, worked out from one row per place (a site of 100,000 articles has about a thousand),
 * so a hub request after a publish costs one aggregate and one page of articles instead of the whole site.
 */

/**
 * The place columns of a group of published articles exactly as stored on them (the article's own state, county
 * and city ids, any of them null), with the names they resolve to, how many articles share them and the newest
 * last-modified time among those already live.
 */
export interface AreaPlace {
  stateId: string | null;
  countyId: string | null;
  cityId: string | null;
  stateCode: string | null;
  stateName: string | null;
  countyName: string | null;
  cityName: string | null;
  articles: number;
  lastmod: string | null;
}

/** The stored place columns an article query matches a hub by. */
export type AreaPlaceKey = Pick<AreaPlace, 'stateId' | 'countyId' | 'cityId'>;

export interface AreaPlaceHub {
  level: HubLevel;
  name: string;
  path: string;
  /** Root first: the hubs above this one (the areas index is not included). */
  parents: { name: string; path: string }[];
  /** Articles of this place and the places in it. */
  articleCount: number;
  /** The articles its pages list: a state hub only its statewide ones, a county or city hub all of them. */
  listed: { count: number; places: AreaPlaceKey[] };
  /** Newest last-modified time of all its articles (what its sitemap entries carry). */
  lastmod: string | null;
  children: { name: string; path: string; articles: number }[];
}

export interface AreaPlaceTree {
  /** Keyed by path. */
  hubs: Map<string, AreaPlaceHub>;
  /** State hub paths, sorted by state name. */
  states: string[];
  /** The articles about no place, which the areas index lists itself. */
  unplaced: { count: number; places: AreaPlaceKey[]; lastmod: string | null };
  /** Newest last-modified time of all the site's articles: the areas index reaches every one of them. */
  indexLastmod: string | null;
}

const english = new Intl.Collator('en');
const byName = <T extends { name: string }>(a: T, b: T) => english.compare(a.name, b.name);
const newer = (a: string | null, b: string | null) => (a && (!b || a > b) ? a : b);
const keyOf = (place: AreaPlace): AreaPlaceKey => ({
  stateId: place.stateId,
  countyId: place.countyId,
  cityId: place.cityId,
});

export function buildAreaPlaceTree(places: readonly AreaPlace[]): AreaPlaceTree {
  const hubs = new Map<string, AreaPlaceHub & { own: { count: number; places: AreaPlaceKey[] } }>();
  const unplaced: AreaPlaceTree['unplaced'] = { count: 0, places: [], lastmod: null };
  let indexLastmod: string | null = null;
  for (const place of places) {
    const trail = hubTrail(place);
    if (trail.length === 0) {
      unplaced.count += place.articles;
      unplaced.places.push(keyOf(place));
      unplaced.lastmod = newer(place.lastmod, unplaced.lastmod);
      indexLastmod = newer(place.lastmod, indexLastmod);
      continue;
    }
    trail.forEach((step, depth) => {
      let hub = hubs.get(step.path);
      if (!hub) {
        const level: HubLevel =
          depth === 0 ? 'state' : depth === trail.length - 1 && place.cityName ? 'city' : 'county';
        hub = {
          level,
          name: step.name,
          path: step.path,
          parents: trail.slice(0, depth),
          articleCount: 0,
          listed: { count: 0, places: [] },
          own: { count: 0, places: [] },
          lastmod: null,
          children: [],
        };
        hubs.set(step.path, hub);
      }
      hub.articleCount += place.articles;
      hub.lastmod = newer(place.lastmod, hub.lastmod);
      if (hub.level !== 'state') {
        hub.listed.count += place.articles;
        hub.listed.places.push(keyOf(place));
      }
      if (depth === trail.length - 1) {
        hub.own.count += place.articles;
        hub.own.places.push(keyOf(place));
        indexLastmod = newer(place.lastmod, indexLastmod);
      }
    });
  }
  const tree: AreaPlaceTree = { hubs: new Map(), states: [], unplaced, indexLastmod };
  for (const { own, ...hub } of hubs.values()) {
    if (hub.level === 'state') hub.listed = own;
    tree.hubs.set(hub.path, hub);
  }
  for (const hub of tree.hubs.values()) {
    const parent = hub.parents.at(-1);
    if (parent)
      tree.hubs
        .get(parent.path)
        ?.children.push({ name: hub.name, path: hub.path, articles: hub.articleCount });
  }
  for (const hub of tree.hubs.values()) hub.children.sort(byName);
  tree.states = [...tree.hubs.values()]
    .filter((hub) => hub.level === 'state')
    .sort(byName)
    .map((hub) => hub.path);
  return tree;
}

export function placeHubPageCount(hub: AreaPlaceHub, size = HUB_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(hub.listed.count / size));
}

/** Every page of a hub, page 1 first. */
export function placeHubPagePaths(hub: AreaPlaceHub, size = HUB_PAGE_SIZE): string[] {
  return Array.from({ length: placeHubPageCount(hub, size) }, (_, i) => hubPagePath(hub.path, i + 1));
}

/** Where one hub page is, before its articles are read: which places to list and which slice of them. */
export interface PlaceHubPageSlot {
  hub: AreaPlaceHub;
  /** 1-based. */
  page: number;
  pages: number;
  path: string;
  offset: number;
  limit: number;
  prevPath: string | null;
  nextPath: string | null;
}

/** The hub page at `path` (same URLs and 404s as `findHubPage`), or null if none. */
export function locatePlaceHubPage(
  tree: AreaPlaceTree,
  path: string,
  size = HUB_PAGE_SIZE,
): PlaceHubPageSlot | null {
  const { hubPath, page } = parseHubPagePath(path);
  const hub = tree.hubs.get(hubPath);
  if (!hub) return null;
  const pages = placeHubPageCount(hub, size);
  if (page > pages) return null;
  return {
    hub,
    page,
    pages,
    path: hubPagePath(hub.path, page),
    offset: (page - 1) * size,
    limit: size,
    prevPath: page > 1 ? hubPagePath(hub.path, page - 1) : null,
    nextPath: page < pages ? hubPagePath(hub.path, page + 1) : null,
  };
}

/** One hub page as it renders: its slot and the page's articles, read for it alone. */
export interface PlaceHubPage extends Omit<PlaceHubPageSlot, 'offset' | 'limit'> {
  articles: { id: string; slug: string; title: string }[];
}

/**
 * The "next article" ring (`areaSuccessors`) by place: the articles ordered by state, county and city name, then
 * title and slug. Places with the same names form one group (their articles interleave by title); the groups in
 * ring order let a page find its next (or previous) article with one query inside its own group, plus one in the
 * neighbouring group at a group's end, instead of ordering the whole site.
 */
export interface AreaRingGroup {
  key: string;
  places: AreaPlaceKey[];
}

/** The ring key of a place, as `areaSuccessors` orders articles (names only; a missing name counts as ''). */
export const areaRingKey = (place: Pick<AreaPlace, 'stateName' | 'countyName' | 'cityName'>) =>
  [place.stateName, place.countyName ?? '', place.cityName ?? ''].join('\u0000');

export function areaRingGroups(places: readonly AreaPlace[]): AreaRingGroup[] {
  const groups = new Map<string, AreaRingGroup>();
  for (const place of places) {
    const key = areaRingKey(place);
    const group = groups.get(key) ?? { key, places: [] };
    group.places.push(keyOf(place));
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The group `direction` steps from `at`, wrapping around (the group itself when it is the only one). */
export function adjacentRingGroup(
  groups: readonly AreaRingGroup[],
  at: number,
  direction: 'after' | 'before',
): AreaRingGroup | undefined {
  const step = direction === 'after' ? 1 : -1;
  return groups[(at + step + groups.length) % groups.length];
}
