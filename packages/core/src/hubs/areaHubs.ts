import { slugify } from '../article/slug.js';

/**
 * Area hubs: a state, county and city page per place that has published articles, derived from the articles
 * themselves (no stored hub rows to keep in step). URLs are stable as long as the place names are:
 * `/areas` (index), `/areas/tx`, `/areas/tx/travis-county`, `/areas/tx/travis-county/austin`. A city without
 * a county hangs directly under its state (`/areas/tx/austin`); county and city slugs cannot collide because
 * county names carry their "County"/"Parish" suffix in the geography.
 */
export const AREAS_ROOT = '/areas';

/** One published article with its place, as the hub query returns it (no state: an article about no place). */
export interface AreaArticle {
  id: string;
  slug: string;
  title: string;
  stateCode: string | null;
  stateName: string | null;
  countyName: string | null;
  cityName: string | null;
}

export type HubLevel = 'state' | 'county' | 'city';

export interface AreaHub {
  level: HubLevel;
  name: string;
  path: string;
  /** Root first: the hubs above this one (the areas index is not included). */
  parents: { name: string; path: string }[];
  /** Articles about exactly this place (a county hub also lists its cities' articles: see `allArticles`). */
  articles: AreaArticle[];
  /** Every article of this place and the places in it, sorted by title. */
  allArticles: AreaArticle[];
  children: { name: string; path: string; articles: number }[];
}

export interface AreaHubTree {
  /** Keyed by path. */
  hubs: Map<string, AreaHub>;
  /** State hub paths, sorted by state name. */
  states: string[];
  /** The hubs of each article, state first, keyed by article id. */
  trailOf: Map<string, { name: string; path: string }[]>;
  /** Articles about no place, sorted by title: the areas index lists them so they stay in reach too. */
  unplaced: AreaArticle[];
}

/**
 * One collator for every comparison: `localeCompare(other, 'en')` orders the same but resolves the locale on each
 * call, which made sorting a 100,000-article site's hubs take seconds.
 */
const english = new Intl.Collator('en');
const byName = <T extends { name: string }>(a: T, b: T) => english.compare(a.name, b.name);
const byTitle = (a: AreaArticle, b: AreaArticle) =>
  english.compare(a.title, b.title) || a.slug.localeCompare(b.slug);

export const stateHubPath = (stateCode: string) => `${AREAS_ROOT}/${stateCode.toLowerCase()}`;

/** The hub trail of one place, state first: one entry per level the place has. */
export function hubTrail(
  place: Omit<AreaArticle, 'id' | 'slug' | 'title'>,
): { name: string; path: string }[] {
  if (!place.stateCode || !place.stateName) return [];
  const state = { name: place.stateName, path: stateHubPath(place.stateCode) };
  const trail = [state];
  let parent = state.path;
  const countySlug = place.countyName ? slugify(place.countyName) : '';
  if (place.countyName && countySlug) {
    parent = `${parent}/${countySlug}`;
    trail.push({ name: place.countyName, path: parent });
  }
  const citySlug = place.cityName ? slugify(place.cityName) : '';
  if (place.cityName && citySlug) trail.push({ name: place.cityName, path: `${parent}/${citySlug}` });
  return trail;
}

/**
 * Groups published articles into state → county → city hubs; only places with articles get a hub. The articles
 * are sorted by title once and every hub's lists are filled in that order, and a place's trail is worked out
 * once and shared by its articles: a site of 100,000 articles in 1,000 places costs one sort, not one per hub
 * level, and 1,000 trails, not 100,000.
 */
export function buildAreaHubTree(articles: readonly AreaArticle[]): AreaHubTree {
  const hubs = new Map<string, AreaHub>();
  const trailOf = new Map<string, { name: string; path: string }[]>();
  const trails = new Map<string, { name: string; path: string }[]>();
  const unplaced: AreaArticle[] = [];
  for (const article of [...articles].sort(byTitle)) {
    const place = [article.stateCode, article.stateName, article.countyName, article.cityName].join('\u0000');
    let trail = trails.get(place);
    if (!trail) {
      trail = hubTrail(article);
      trails.set(place, trail);
    }
    trailOf.set(article.id, trail);
    if (trail.length === 0) unplaced.push(article);
    trail.forEach((step, depth) => {
      let hub = hubs.get(step.path);
      if (!hub) {
        const level: HubLevel =
          depth === 0 ? 'state' : depth === trail.length - 1 && article.cityName ? 'city' : 'county';
        hub = {
          level,
          name: step.name,
          path: step.path,
          parents: trail.slice(0, depth),
          articles: [],
          allArticles: [],
          children: [],
        };
        hubs.set(step.path, hub);
      }
      hub.allArticles.push(article);
      if (depth === trail.length - 1) hub.articles.push(article);
    });
  }
  for (const hub of hubs.values()) {
    const parent = hub.parents.at(-1);
    if (parent)
      hubs
        .get(parent.path)
        ?.children.push({ name: hub.name, path: hub.path, articles: hub.allArticles.length });
  }
  for (const hub of hubs.values()) hub.children.sort(byName);
  const states = [...hubs.values()]
    .filter((hub) => hub.level === 'state')
    .sort(byName)
    .map((hub) => hub.path);
  return { hubs, states, trailOf, unplaced };
}

/**
 * The article after this one in the site's area order (state, county, city, title), wrapping around: linking
 * each article to its successor gives every published article at least one inbound link (no orphans).
 */
export function areaSuccessors(articles: readonly AreaArticle[]): Map<string, AreaArticle> {
  const keyed = articles.map((article) => ({
    article,
    key: [
      article.stateName,
      article.countyName ?? '',
      article.cityName ?? '',
      article.title,
      article.slug,
    ].join('\u0000'),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const next = new Map<string, AreaArticle>();
  if (keyed.length < 2) return next;
  keyed.forEach((entry, index) => {
    const successor = keyed[(index + 1) % keyed.length];
    if (successor) next.set(entry.article.id, successor.article);
  });
  return next;
}

/** The "Nearby areas" section under each article: cities within this radius, at most this many, nearest first. */
export const NEARBY_AREA_KM = 50;
export const NEARBY_AREA_LIMIT = 6;

export interface AreaSectionLink {
  url: string;
  anchor: string;
  /** Set when the target is an article (hub pages are derived, not rows). */
  articleId: string | null;
}

/**
 * Every link of an article's area section, as the page renders it: nearby articles, its hubs, the next
 * article. One entry per URL (the first wins), never the article itself.
 */
export function areaSectionLinks(
  self: { id: string; slug: string },
  trail: readonly { name: string; path: string }[],
  nearby: readonly { id: string; slug: string; title: string }[],
  next: { id: string; slug: string; title: string } | null | undefined,
): AreaSectionLink[] {
  const links: AreaSectionLink[] = [
    ...nearby.map((article) => ({ url: `/${article.slug}`, anchor: article.title, articleId: article.id })),
    ...trail.map((step) => ({ url: step.path, anchor: step.name, articleId: null })),
    ...(next ? [{ url: `/${next.slug}`, anchor: next.title, articleId: next.id }] : []),
  ];
  const seen = new Set([`/${self.slug}`]);
  return links.filter((link) => {
    if (link.articleId === self.id || seen.has(link.url)) return false;
    seen.add(link.url);
    return true;
  });
}
